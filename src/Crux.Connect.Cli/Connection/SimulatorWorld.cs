using Crux.Connect.Testing;

namespace Crux.Connect.Cli.Connection;

/// <summary>
/// The simulator every <c>crux --simulator</c> run starts: a fixed seed (the same users, uuids and tokens each time, so
/// the README's examples can name them), the six seeded users, and <see cref="ExtraUsers"/> more per organization for
/// trying bulk changes. Its state lives as long as the run: nothing is kept between runs.
/// </summary>
internal sealed class SimulatorWorld
{
    public const int Seed = 15;

    public const int ExtraUsers = 20;

    public SimulatorWorld()
    {
        Simulator = new CruxSimulator(new CruxSimulatorOptions { Seed = Seed });
        CruxSimulator s = Simulator;
        Users =
        [
            s.SupplierAdmin, s.SupplierViewer, s.SupplierMember,
            .. s.AddUsers(s.Supplier, ExtraUsers, [.. CruxSimulator.MemberPermissions]),
            s.RetailerAdmin, s.RetailerViewer, s.RetailerMember,
            .. s.AddUsers(s.Retailer, ExtraUsers, [.. CruxSimulator.MemberPermissions]),
        ];
    }

    public CruxSimulator Simulator { get; }

    public IReadOnlyList<SimulatedUser> Users { get; }

    /// <summary>Gets the user the tool acts as when no credentials are given.</summary>
    public SimulatedUser DefaultUser => Simulator.SupplierAdmin;
}
