using Crux.Connect.Testing.Internal;

namespace Crux.Connect.Testing;

/// <summary>A Crux Connect API simulator: one state (organizations, users, tokens, the permission catalog and
/// assignments) served through two front doors that share it, <see cref="CreateHandler"/> (in memory) and
/// <c>StartServerAsync</c> (Kestrel on loopback; net8.0 and later, where ASP.NET Core exists). It applies the service's rules strictly; see the package README.
/// Thread-safe.</summary>
public sealed partial class CruxSimulator
{
    /// <summary>The documented permission name that lets a user read users and permissions.</summary>
    public const string ViewOrgUsers = "view_org_users";

    /// <summary>The documented permission name that lets a user add and remove permissions.</summary>
    public const string EditOrgUsers = "edit_org_users";

    private readonly SimulatorState _state;
    private readonly CruxEngine _engine;

    /// <summary>Builds a simulator with two organizations and their seeded users.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults. Read once.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="CruxSimulatorOptions.RequestLogCapacity"/> is less than 1.</exception>
    public CruxSimulator(CruxSimulatorOptions? options = null)
    {
        options ??= new CruxSimulatorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RequestLogCapacity, 1, nameof(options));
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        _state = new SimulatorState(options.Seed);
        _engine = new CruxEngine(_state, options.PathBase ?? string.Empty);
        Faults = new CruxFaultInjector(TimeProvider);
        Requests = new CruxRequestLog(options.RequestLogCapacity);

        Retailer = new SimulatedOrganization(_state.Ids.NewUuid(), "Simulated Retailer", SimulatedOrganizationType.Retailer);
        Supplier = new SimulatedOrganization(_state.Ids.NewUuid(), "Simulated Supplier", SimulatedOrganizationType.Supplier);
        RetailerAdmin = AddUser(Retailer, "admin@retailer.example", "retailer-admin-password", AllNamesFor(Retailer));
        SupplierAdmin = AddUser(Supplier, "admin@supplier.example", "supplier-admin-password", AllNamesFor(Supplier));
        RetailerViewer = AddUser(Retailer, "viewer@retailer.example", "retailer-viewer-password", ViewOrgUsers);
        SupplierViewer = AddUser(Supplier, "viewer@supplier.example", "supplier-viewer-password", ViewOrgUsers);
        RetailerMember = AddUser(Retailer, "member@retailer.example", "retailer-member-password", [.. MemberPermissions]);
        SupplierMember = AddUser(Supplier, "member@supplier.example", "supplier-member-password", [.. MemberPermissions]);
    }

    /// <summary>Gets the clock the simulator reads (<see cref="CruxSimulatorOptions.TimeProvider"/>).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the retailer organization.</summary>
    public SimulatedOrganization Retailer { get; }

    /// <summary>Gets the supplier organization.</summary>
    public SimulatedOrganization Supplier { get; }

    /// <summary>Gets the retailer's admin: holds every permission valid for a retailer.</summary>
    public SimulatedUser RetailerAdmin { get; }

    /// <summary>Gets the supplier's admin: holds every permission valid for a supplier.</summary>
    public SimulatedUser SupplierAdmin { get; }

    /// <summary>Gets a retailer user holding only <c>view_org_users</c>: can read, gets 403 on add and remove.</summary>
    public SimulatedUser RetailerViewer { get; }

    /// <summary>Gets a supplier user holding only <c>view_org_users</c>: can read, gets 403 on add and remove.</summary>
    public SimulatedUser SupplierViewer { get; }

    /// <summary>Gets a retailer user to edit: holds <see cref="MemberPermissions"/>.</summary>
    public SimulatedUser RetailerMember { get; }

    /// <summary>Gets a supplier user to edit: holds <see cref="MemberPermissions"/>.</summary>
    public SimulatedUser SupplierMember { get; }

    /// <summary>Gets the permissions <see cref="RetailerMember"/> and <see cref="SupplierMember"/> start with.</summary>
    public static IReadOnlyList<string> MemberPermissions { get; } =
        [ViewOrgUsers, "view_order", "export_order", "cancel_order", "view_items"];

    /// <summary>Gets the whole catalog (every documented permission, both organization types) in a fixed order.</summary>
    public IReadOnlyList<SimulatedPermission> Catalog => _state.Catalog;

    /// <summary>Gets the fault injector: failures, drops, stalls, latency, random faults and a rate limit.</summary>
    public CruxFaultInjector Faults { get; }

    /// <summary>Gets the bounded log of requests received through either front door.</summary>
    public CruxRequestLog Requests { get; }

    private string[] AllNamesFor(SimulatedOrganization organization) =>
        [.. Catalog.Where(p => p.IsValidFor(organization.Type)).Select(p => p.Name)];
}
