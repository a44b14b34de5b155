namespace Crux.Connect.Internal;

/// <summary>
/// What one public call of a client carries down to every request it sends, passed explicitly (never ambient, as
/// Microsoft.Extensions.Http.Resilience keeps its per-call context in Polly's <c>ResilienceContext</c>, not in an
/// <c>AsyncLocal</c>): the call's one deadline, so a call that sends several requests (a by-name change: catalog read and
/// change; a set: read, remove, add) is bounded by one <see cref="CruxClientOptions.Timeout"/>, and the
/// <see cref="RetryGroup"/> of the bulk run it belongs to, if any. The public virtual methods create one; composite
/// operations create one and hand it to the internal core methods. It belongs to one client core: a request sent through
/// another core (another named client, the login's own core) ignores it, so no pause, budget or deadline crosses clients,
/// and a call nobody passed it to (one made from a progress callback) starts its own.
/// </summary>
internal sealed class CruxCallScope
{
    public CruxCallScope(CruxClientCore core, RetryGroup? group = null)
    {
        Core = core;
        Group = group;
        StartedAt = core.TimeProvider.GetTimestamp();
        Timeout = core.Settings.Timeout;
    }

    /// <summary>Gets the client core the scope belongs to.</summary>
    public CruxClientCore Core { get; }

    /// <summary>Gets the bulk run the call belongs to; <see langword="null"/> for a call alone.</summary>
    public RetryGroup? Group { get; }

    /// <summary>Gets when the public call started (a <see cref="TimeProvider"/> timestamp).</summary>
    public long StartedAt { get; }

    /// <summary>Gets the public call's <see cref="CruxClientOptions.Timeout"/>.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// The scope a request sent through <paramref name="core"/> runs in: <paramref name="outer"/> if it belongs to that core,
    /// else none (the request is a call alone, whose deadline starts when it is sent: see <see cref="CruxCallState"/>).
    /// </summary>
    public static CruxCallScope? For(CruxClientCore core, CruxCallScope? outer) =>
        outer is not null && ReferenceEquals(outer.Core, core) ? outer : null;

    /// <summary>What is left of the deadline (<see cref="System.Threading.Timeout.InfiniteTimeSpan"/> when there is none; never negative).</summary>
    public TimeSpan Remaining()
    {
        if (Timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return Timeout;
        }

        TimeSpan left = Timeout - Core.TimeProvider.GetElapsedTime(StartedAt);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
