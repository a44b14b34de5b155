namespace Crux.Connect.Testing;

/// <summary>A permission of the simulated catalog, shaped like the API's Permission object.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Named after the API's Permission object it simulates; not a System.Security permission type, and public API users compile against.")]
public sealed class SimulatedPermission
{
    /// <summary>The <see cref="Visibility"/> of a permission every organization may hold.</summary>
    public const string BothVisibility = "BOTH";

    /// <summary>The <see cref="Visibility"/> of a permission only retailers may hold.</summary>
    public const string RetailerVisibility = "RETAILER";

    /// <summary>The <see cref="Visibility"/> of a permission only suppliers may hold.</summary>
    public const string SupplierVisibility = "SUPPLIER";

    internal SimulatedPermission(Guid uuid, string name, string displayName, string description, string visibility, string grouping)
    {
        Uuid = uuid;
        Name = name;
        DisplayName = displayName;
        Description = description;
        Visibility = visibility;
        Grouping = grouping;
    }

    /// <summary>Gets the permission's uuid; it differs from one simulator instance to another unless
    /// <see cref="CruxSimulatorOptions.Seed"/> is set, as uuids differ between real environments.</summary>
    public Guid Uuid { get; }

    /// <summary>Gets the stable name, e.g. <c>edit_org_users</c>.</summary>
    public string Name { get; }

    /// <summary>Gets the human-readable name (<c>display_name</c>).</summary>
    public string DisplayName { get; }

    /// <summary>Gets the description.</summary>
    public string Description { get; }

    /// <summary>Gets who may hold it: <see cref="BothVisibility"/>, <see cref="RetailerVisibility"/> or <see cref="SupplierVisibility"/>.</summary>
    public string Visibility { get; }

    /// <summary>Gets the grouping, e.g. <c>ORGUSERS</c>.</summary>
    public string Grouping { get; }

    /// <summary>Tells whether an organization of the given type may hold this permission.</summary>
    /// <param name="type">The organization type.</param>
    /// <returns><see langword="true"/> when the visibility is <see cref="BothVisibility"/> or matches <paramref name="type"/>.</returns>
    public bool IsValidFor(SimulatedOrganizationType type) => Visibility switch
    {
        BothVisibility => true,
        RetailerVisibility => type == SimulatedOrganizationType.Retailer,
        _ => type == SimulatedOrganizationType.Supplier,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Uuid:D})";
}
