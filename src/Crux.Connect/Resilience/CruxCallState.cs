using Crux.Connect.Diagnostics;

namespace Crux.Connect.Internal;

/// <summary>
/// What one call carries across its attempts, for the pipeline's strategies to read from the
/// <see cref="Polly.ResilienceContext"/>: the deadline it runs under, whether it may be repeated, the caller's own token,
/// the seed of its retry jitter, the retries it made (counted by <c>OnRetry</c>, read by the retry predicate), the telemetry
/// to report to, and the <see cref="RetryGroup"/> it runs in (a bulk run), if any: all of it from the call's
/// <see cref="CruxCallScope"/>. Whether a failure ends the call is not here: it is the failure's type
/// (<see cref="TransientFailures"/>).
/// </summary>
internal abstract class CruxCallState
{
    /// <summary>A call in <paramref name="scope"/> (one of <paramref name="core"/>'s), or, without one, a call alone that starts now.</summary>
    protected CruxCallState(CruxClientCore core, CruxCallScope? scope, bool isIdempotent, CruxOperationTelemetry? telemetry, CancellationToken callerToken)
    {
        // A call alone reads its deadline from the core itself: no scope object for it (benchmarks/README.md, "Why the code does X").
        Group = scope?.Group;
        StartedAt = scope?.StartedAt ?? core.TimeProvider.GetTimestamp();
        Timeout = scope?.Timeout ?? core.Settings.Timeout;
        IsIdempotent = isIdempotent;
        Telemetry = telemetry;
        CallerToken = callerToken;
        JitterSeed = Jitter.NextSeed();
    }

    /// <summary>Gets when the outermost public call started (a <see cref="TimeProvider"/> timestamp).</summary>
    public long StartedAt { get; }

    /// <summary>Gets the overall limit of the call: the outermost public call's <see cref="CruxClientOptions.Timeout"/>.</summary>
    public TimeSpan Timeout { get; }

    public bool IsIdempotent { get; }

    public CruxOperationTelemetry? Telemetry { get; }

    /// <summary>Gets the caller's token: the pipeline's strategies replace the context's token with their own linked ones.</summary>
    public CancellationToken CallerToken { get; }

    /// <summary>Gets the group of calls this one runs in (a bulk run), whose 429s pause them all; <see langword="null"/> alone.</summary>
    public RetryGroup? Group { get; }

    /// <summary>Gets the seed of the call's retry jitter: every wait is a pure function of it and the attempt (see <see cref="Jitter"/>).</summary>
    public ulong JitterSeed { get; }

    /// <summary>Gets or sets how many retries the call made, apart from those after a 429 in a group (counted by <c>OnRetry</c>).</summary>
    public int Retries { get; set; }

    /// <summary>Gets or sets how many retries the call made after a 429 in a group (their own budget, <see cref="RetryGroup.MaxRateLimitRetries"/>; counted by <c>OnRetry</c>, probes' 429s not).</summary>
    public int RateLimitRetries { get; set; }

    /// <summary>Gets or sets whether the call already obtained a new token after a 401 (once per call: a second 401 is final).</summary>
    public bool Refreshed { get; set; }

    /// <summary>
    /// Gets or sets the probe of the group's pause this call's current attempt holds (see <see cref="RateLimitGate"/>), 0 for
    /// none: set by the attempt, and still set after it when the probe was answered 429 (the retry predicate reads it then).
    /// </summary>
    public long Probe { get; set; }

    /// <summary>Gets whether a retry after a 429 is scheduled and has not started: the group lets no new user start meanwhile.</summary>
    public bool RetryPending { get; private set; }

    /// <summary>Tells the group a retry after a 429 is scheduled (new users wait until it has started).</summary>
    public void MarkRetryPending(RetryGroup group)
    {
        if (!RetryPending)
        {
            RetryPending = true;
            group.RetryPending();
        }
    }

    /// <summary>The pending retry starts, or the call ends without it: new users may go.</summary>
    public void ClearRetryPending()
    {
        if (RetryPending)
        {
            RetryPending = false;
            Group!.RetryStarted();
        }
    }

    /// <summary>
    /// The limit of the next attempt: the attempt timeout, or what is left of the overall timeout if that is less (then
    /// never zero, which Polly's timeout strategy would read as "no timeout").
    /// </summary>
    public TimeSpan AttemptLimit(TimeSpan attemptTimeout, TimeProvider timeProvider)
    {
        if (Timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return attemptTimeout;
        }

        TimeSpan remaining = Timeout - timeProvider.GetElapsedTime(StartedAt);
        remaining = remaining > TimeSpan.Zero ? remaining : TimeSpan.FromTicks(1);
        return attemptTimeout == System.Threading.Timeout.InfiniteTimeSpan || remaining < attemptTimeout ? remaining : attemptTimeout;
    }

    /// <summary>Whether the overall deadline has passed (so a timeout was the overall one, not an attempt's).</summary>
    public bool DeadlinePassed(TimeProvider timeProvider) =>
        Timeout != System.Threading.Timeout.InfiniteTimeSpan && timeProvider.GetElapsedTime(StartedAt) >= Timeout;
}
