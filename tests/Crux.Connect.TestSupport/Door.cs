namespace Crux.Connect.TestSupport;

/// <summary>The simulator's two front doors, as <see cref="SimulatorHarness"/> opens them.</summary>
public enum Door
{
    /// <summary>Its in-memory handler (<c>CruxSimulator.CreateHandler()</c>): no socket.</summary>
    InMemory,

    /// <summary>Its Kestrel host on 127.0.0.1, a free port. Where the simulator build has no HTTP door (netstandard2.0),
    /// <see cref="SimulatorHarness"/> goes through the in-memory one instead, so every case still runs.</summary>
    Http,
}
