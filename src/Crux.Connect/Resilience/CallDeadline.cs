namespace Crux.Connect.Internal;

/// <summary>
/// The one deadline of a public call that sends several requests (a by-name change: catalog read and change; a set:
/// catalog, read, remove, add), so <see cref="CruxClientOptions.Timeout"/> bounds what the caller waits for, not each
/// request separately. It flows with the async call (an <see cref="AsyncLocal{T}"/>) because the requests are reached
/// through public virtual methods that cannot carry it as a parameter. A single request needs none: its token, login and
/// re-login run inside its attempt, bounded by the attempt's token.
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

    /// <summary>
    /// Runs <paramref name="body"/> under the deadline of the call this one runs inside, or under a new one. The deadline
    /// ends with <paramref name="body"/>: this method is async, so the ambient value it sets never reaches its caller.
    /// </summary>
    public static async Task<T> RunAsync<T>(CruxClientSettings settings, TimeProvider timeProvider, Func<Task<T>> body)
    {
        Ambient.Value ??= new CallDeadline(timeProvider.GetTimestamp(), settings.Timeout);
        return await body().ConfigureAwait(false);
    }

    /// <summary>The deadline of the call this one runs inside (set by <see cref="RunAsync"/>), or a new one that is not made ambient.</summary>
    public static CallDeadline Current(CruxClientSettings settings, TimeProvider timeProvider) =>
        Ambient.Value ?? new CallDeadline(timeProvider.GetTimestamp(), settings.Timeout);
}
