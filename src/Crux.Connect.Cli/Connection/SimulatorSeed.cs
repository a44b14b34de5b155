namespace Crux.Connect.Cli.Connection;

/// <summary>
/// Uuids of the users every <c>crux --simulator</c> run has (its seed is fixed), for examples in <c>--help</c> and the
/// README. A test checks them against the simulator, so they cannot drift.
/// </summary>
internal static class SimulatorSeed
{
    /// <summary><c>member@supplier.example</c>, who starts with view_org_users, view_order, export_order, cancel_order, view_items.</summary>
    public const string SupplierMember = "3c2ef0c2-d6dc-4925-84b4-a68021711ae6";
}
