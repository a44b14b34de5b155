using Crux.Connect.Diagnostics;

namespace Crux.Connect.Internal;

/// <summary>
/// What one call needs across its attempts: when it started, whether it may be repeated, the delay the retry
/// predicate chose, the telemetry to report to, and the one cancellation source that bounds each attempt by
/// both timeouts (see <see cref="BeginAttempt"/>). Stored in the <see cref="Polly.ResilienceContext"/> by
/// reference (typed value properties would box the timestamp and the delay on every call) and pooled with its
/// cancellation source, so the success path allocates nothing for either.
/// </summary>
internal sealed class CruxCallState
{
    private static readonly CruxCallState?[] Pool = new CruxCallState?[64];

    [ThreadStatic]
    private static CruxCallState? t_cached;

    private CancellationTokenSource? _attemptSource;
    private TimeProvider? _attemptSourceTime;
    private CancellationTokenRegistration _callerRegistration;

    public long StartedAt { get; private set; }

    /// <summary>Gets the overall limit of the call: the outermost public call's <see cref="CruxClientOptions.Timeout"/>.</summary>
    public TimeSpan Timeout { get; private set; }

    /// <summary>Gets or sets whether the call must end with this attempt's outcome (a login failure, a refused redirect, a disposed client).</summary>
    public bool IsFinal { get; set; }

    /// <summary>Gets or sets whether the call already obtained a new token after a 401 (once per call: a second 401 is final).</summary>
    public bool Refreshed { get; set; }

    public bool IsIdempotent { get; private set; }

    public CruxOperationTelemetry? Telemetry { get; private set; }

    /// <summary>Gets the limit of the current attempt, and whether it was the rest of the overall timeout.</summary>
    public TimeSpan AttemptLimit { get; private set; }

    public bool AttemptLimitIsOverall { get; private set; }

    public static CruxCallState Rent(CallDeadline deadline, bool isIdempotent, CruxOperationTelemetry? telemetry)
    {
        // The thread's own slot first (no interlocked operation), then the shared pool, which serves the calls
        // that resume on another thread or run concurrently.
        CruxCallState? state = t_cached;
        t_cached = null;
        CruxCallState?[] pool = Pool;
        for (int i = 0; state is null && i < pool.Length; i++)
        {
            CruxCallState? candidate = pool[i];
            if (candidate is not null && Interlocked.CompareExchange(ref pool[i], null, candidate) == candidate)
            {
                state = candidate;
            }
        }

        state ??= new CruxCallState();
        state.StartedAt = deadline.StartedAt;
        state.Timeout = deadline.Timeout;
        state.IsFinal = false;
        state.Refreshed = false;
        state.IsIdempotent = isIdempotent;
        state.Telemetry = telemetry;
        return state;
    }

    /// <summary>Gives the object back once the pipeline is done with the call.</summary>
    public static void Return(CruxCallState state)
    {
        state.Telemetry = null;
        if (t_cached is null)
        {
            t_cached = state;
            return;
        }

        CruxCallState?[] pool = Pool;
        for (int i = 0; i < pool.Length; i++)
        {
            if (pool[i] is null && Interlocked.CompareExchange(ref pool[i], state, null) is null)
            {
                return;
            }
        }

        state._attemptSource?.Dispose();
    }

    /// <summary>
    /// The token of one attempt: cancelled when the caller cancels, when the attempt timeout runs out, or when the
    /// overall timeout does, whichever comes first. One source serves both timeouts: an attempt is given the smaller
    /// of <see cref="CruxClientSettings.AttemptTimeout"/> and what is left of <see cref="CruxClientSettings.Timeout"/>,
    /// and the retry predicate never starts a wait that would end past the overall deadline.
    /// </summary>
    public CancellationToken BeginAttempt(CruxClientSettings settings, TimeProvider timeProvider, CancellationToken callerToken)
    {
        TimeSpan limit = settings.AttemptTimeout;
        bool overall = false;
        if (Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            TimeSpan remaining = Timeout - timeProvider.GetElapsedTime(StartedAt);
            if (limit == System.Threading.Timeout.InfiniteTimeSpan || remaining <= limit)
            {
                limit = remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining;
                overall = true;
            }
        }

        AttemptLimit = limit;
        AttemptLimitIsOverall = overall;
        if (limit == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return callerToken;
        }

        CancellationTokenSource? source = _attemptSource;
        if (source is null || !ReferenceEquals(_attemptSourceTime, timeProvider))
        {
            source?.Dispose();
            source = CreateSource(timeProvider);
            _attemptSource = source;
            _attemptSourceTime = timeProvider;
        }

        source.CancelAfter(limit);
        if (callerToken.CanBeCanceled)
        {
#if NET
            _callerRegistration = callerToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source);
#else
            _callerRegistration = callerToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), source);
#endif
        }

        return source.Token;
    }

    /// <summary>Whether the attempt's own source (a timeout, not the caller) cancelled the attempt.</summary>
    public bool AttemptTimedOut(CancellationToken callerToken) =>
        _attemptSource is { IsCancellationRequested: true } && !callerToken.IsCancellationRequested;

    /// <summary>Stops the attempt's timer and makes the source reusable (or drops it if it was cancelled).</summary>
    public void EndAttempt()
    {
        _callerRegistration.Dispose();
        _callerRegistration = default;
        if (_attemptSource is not { } source)
        {
            return;
        }

#if NET
        if (source.TryReset())
        {
            return;
        }
#endif
        source.Dispose();
        _attemptSource = null;
    }

    private static CancellationTokenSource CreateSource(TimeProvider timeProvider) =>
#if NET
        new(System.Threading.Timeout.InfiniteTimeSpan, timeProvider);
#else
        timeProvider.CreateCancellationTokenSource(System.Threading.Timeout.InfiniteTimeSpan);
#endif
}
