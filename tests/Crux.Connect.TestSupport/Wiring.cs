namespace Crux.Connect.TestSupport;

/// <summary>How <see cref="SimulatorHarness.Connect"/> gives a test its <see cref="OrganizationUsersClient"/>: the ways an application wires the SDK.</summary>
public enum Wiring
{
    /// <summary><c>new CruxClient(httpClient, options)</c> on a plain <see cref="HttpClient"/>, over loopback HTTP.</summary>
    Constructor,

    /// <summary><c>AddCruxConnect(o =&gt; ...)</c>, <see cref="OrganizationUsersClient"/> from the container, over loopback HTTP.</summary>
    AddCruxConnect,

    /// <summary><c>AddCruxConnect(configuration.GetSection("CruxConnect"))</c>, <see cref="CruxClient"/> from the container, over loopback HTTP.</summary>
    AddCruxConnectFromConfiguration,

    /// <summary><c>AddCruxConnect(...).ConfigurePrimaryHttpMessageHandler(() =&gt; sim.CreateHandler())</c>: no socket.</summary>
    InMemoryHandler,
}
