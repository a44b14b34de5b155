using Crux.Connect.Testing;

namespace Crux.Connect.Cli.Tests.Support;

/// <summary>A simulator served over loopback HTTP (Kestrel on 127.0.0.1, a free port), and the options that point crux at it.</summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    private SimulatorServer(CruxSimulator simulator, CruxSimulatorServer server)
    {
        Simulator = simulator;
        Server = server;
    }

    public CruxSimulator Simulator { get; }

    public CruxSimulatorServer Server { get; }

    public string BaseAddress => Server.BaseAddress.ToString();

    /// <summary>The admin's token, as CRUX_API_TOKEN.</summary>
    public IReadOnlyDictionary<string, string?> AdminToken => new Dictionary<string, string?> { ["CRUX_API_TOKEN"] = Simulator.SupplierAdmin.Token };

    public static async Task<SimulatorServer> StartAsync(CruxSimulator? simulator = null)
    {
        simulator ??= new CruxSimulator();
        return new SimulatorServer(simulator, await simulator.StartServerAsync());
    }

    /// <summary>The arguments, with --base-address pointing at this server.</summary>
    public string[] Args(params string[] args) => ["--base-address", BaseAddress, .. args];

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
