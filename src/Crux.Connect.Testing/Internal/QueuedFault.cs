namespace Crux.Connect.Testing.Internal;

/// <summary>A "next N requests" entry of the fault queue; <see cref="Remaining"/> counts down as requests take it.</summary>
internal sealed class QueuedFault(FaultPlan plan, int count)
{
    public FaultPlan Plan { get; } = plan;

    public int Remaining { get; set; } = count;
}
