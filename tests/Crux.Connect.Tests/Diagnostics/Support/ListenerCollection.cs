namespace Crux.Connect.Tests.Diagnostics.Support;

/// <summary>
/// Tests that attach process-wide listeners (ActivityListener, MeterListener) or measure what is allocated when
/// none is attached run one at a time, so none of them sees, or is disturbed by, another one's listener.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ListenerCollection
{
    public const string Name = "Diagnostics listeners";
}
