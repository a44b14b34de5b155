namespace Crux.Connect.IntegrationTests.Faults;

/// <summary>
/// The fault suite runs alone, after the tests that may run in parallel: its timings (attempt timeouts of
/// about a second) and its allocation measurements (process-wide counters) must not share the two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultsCollection
{
    public const string Name = "Faults over real sockets";
}
