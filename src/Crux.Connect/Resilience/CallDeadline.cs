namespace Crux.Connect.Internal;

/// <summary>
/// The one deadline of a public call. Everything the call does on its way (reading the permission catalog for a by-name
/// call, obtaining a token, logging in, every attempt and every wait) runs under the deadline of the outermost call,
/// so <see cref="CruxClientOptions.Timeout"/> bounds what the caller waits for, not each piece separately. It flows with
/// the async call (an <see cref="AsyncLocal{T}"/>), because the pieces are reached through public virtual methods and
/// caller-supplied token providers that cannot carry it as a parameter.
/// </summary>
internal sealed class CallDeadline
{
    private static readonly AsyncLocal<CallDeadline?> Ambient = new();

    private CallDeadline(long startedAt, TimeSpan timeout)
    {
        StartedAt = startedAt;
        Timeout = timeout;
    }

    /// <summary>Gets when the outermost call started (a <see cref="TimeProvider"/> timestamp).</summary>
    public long StartedAt { get; }

    /// <summary>Gets the outermost call's <see cref="CruxClientOptions.Timeout"/>.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Joins the deadline of the call this one runs inside, or starts one. Call it from an async method: the deadline then ends with it.</summary>
    public static CallDeadline Enter(CruxClientSettings settings, TimeProvider timeProvider)
    {
        if (Ambient.Value is { } outer)
        {
            return outer;
        }

        var deadline = new CallDeadline(timeProvider.GetTimestamp(), settings.Timeout);
        Ambient.Value = deadline;
        return deadline;
    }

    /// <summary>
    /// The deadline of the call this one runs inside (set by <see cref="Enter"/>), or a new one that is not made ambient:
    /// the sender's own callees (a login inside an attempt) are bounded by the attempt's token already, so a plain call
    /// does not pay for changing the execution context.
    /// </summary>
    public static CallDeadline Current(CruxClientSettings settings, TimeProvider timeProvider) =>
        Ambient.Value ?? new CallDeadline(timeProvider.GetTimestamp(), settings.Timeout);

    /// <summary>Leaves any outer deadline: for work that runs on its own clock (each user of a bulk operation).</summary>
    public static void Leave() => Ambient.Value = null;
}
