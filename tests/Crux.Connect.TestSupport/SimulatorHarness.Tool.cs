namespace Crux.Connect.TestSupport;

/// <summary>What points the crux tool (in process or as a process) at the simulator: it reaches it over a socket, so
/// these are for the <see cref="Door.Http"/> door.</summary>
public sealed partial class SimulatorHarness
{
    /// <summary>Gets the supplier admin's token as the tool reads it from the environment (<c>CRUX_API_TOKEN</c>).</summary>
    public IReadOnlyDictionary<string, string?> AdminToken => new Dictionary<string, string?> { ["CRUX_API_TOKEN"] = Simulator.SupplierAdmin.Token };

    /// <summary>The tool's arguments, after <c>--base-address</c> pointing at <see cref="BaseAddress"/>.</summary>
    public string[] Args(params string[] args) => ["--base-address", BaseAddress.ToString(), .. args];
}
