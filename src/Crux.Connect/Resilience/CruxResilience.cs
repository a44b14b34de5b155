using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Crux.Connect.Internal;

/// <summary>
/// Builds the client's Polly pipeline once, from the options snapshot, out of Polly's own strategies, outermost first:
/// <list type="number">
/// <item>the retry (<see cref="CruxRetryOptions"/>), shaped like Polly's own: <c>ShouldHandle</c> only classifies
/// (<see cref="ShouldRetry"/>: the failure's type, its budget, the wait against the deadline; it writes nothing), the
/// <c>DelayGenerator</c> gives the wait (<see cref="Wait"/>), and <c>OnRetry</c> holds the side effects (<see cref="Retrying"/>:
/// the retry counts, the run's bookkeeping, the telemetry),</item>
/// <item>a timeout for each attempt: the smaller of <see cref="CruxClientOptions.AttemptTimeout"/> and what is left of
/// <see cref="CruxClientOptions.Timeout"/>, measured from the start of the outermost public call (so a by-name call's
/// catalog read or a login shares it).</item>
/// </list>
/// A run's 429 pauses the run where it is received (<see cref="CruxSender"/>), not here: <c>OnRetry</c> is not called for a
/// 429 that is not retried, and that one must pause the run too.
/// </summary>
internal static class CruxResilience
{
    /// <summary>The call's <see cref="CruxCallState"/>.</summary>
    public static readonly ResiliencePropertyKey<CruxCallState> CallState = new("Crux.Call");

    public static ResiliencePipeline Create(CruxClientSettings settings, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = "Crux.Connect" };
        builder.AddRetry(new RetryStrategyOptions
        {
            Name = "Crux.Retry",

            // Unbounded here because the budget is ShouldRetry's and depends on the failure: MaxRetries for most, in a bulk
            // run CruxBulkOptions.MaxRateLimitRetries for a 429, and none for a probe's 429. Polly's one count of attempts
            // cannot say that; with it at int.MaxValue every retry is ShouldRetry's decision alone.
            MaxRetryAttempts = int.MaxValue,

            // No BackoffType, Delay or MaxDelay: the DelayGenerator always returns a wait, so Polly would ignore them.
            ShouldHandle = args => new ValueTask<bool>(
                args.Outcome.Exception is { } exception && ShouldRetry(exception, args.AttemptNumber, Call(args.Context), settings, timeProvider)),
            DelayGenerator = args => new ValueTask<TimeSpan?>(PollyDelay(args.Outcome.Exception!, args.AttemptNumber, Call(args.Context), settings)),
            OnRetry = args =>
            {
                Retrying(args.Outcome.Exception!, args.RetryDelay, Call(args.Context));
                return default;
            },
        });

        // One timeout strategy serves both limits: each attempt gets the smaller of AttemptTimeout and what is left of
        // Timeout, and ShouldRetry never starts a wait that would end past the deadline, so the whole call is bounded.
        // A second, outer timeout strategy would bound the same thing again, at a cost per call the loopback harness
        // shows (benchmarks/README.md).
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "Crux.Timeout",
            TimeoutGenerator = args => new ValueTask<TimeSpan>(Call(args.Context).AttemptLimit(settings.AttemptTimeout, timeProvider)),
        });
        return builder.Build();
    }

    /// <summary>
    /// The backoff: exponential from <see cref="CruxRetryOptions.BaseDelay"/>, capped by
    /// <see cref="CruxRetryOptions.MaxDelay"/>, with "equal jitter" (between half and all of the step),
    /// so that many clients failing together do not retry together. A server's Retry-After may make the wait longer,
    /// never shorter (a hostile or broken "Retry-After: 0" must not turn retries into a tight loop), and is capped too.
    /// </summary>
    public static TimeSpan ComputeDelay(int attempt, TimeSpan? retryAfter, CruxClientSettings settings, double jitter01)
    {
        double step = settings.BaseDelay.Ticks * Math.Pow(2, Math.Min(attempt, 62));
        step = Math.Min(step, settings.MaxDelay.Ticks);
        var backoff = TimeSpan.FromTicks((long)((step / 2) + (jitter01 * step / 2)));
        if (retryAfter is TimeSpan serverDelay && serverDelay > backoff)
        {
            return serverDelay > settings.MaxDelay ? settings.MaxDelay : serverDelay;
        }

        return backoff;
    }

    /// <summary>
    /// How long a 429 received in a bulk run pauses the run: the server's Retry-After (capped), or the first backoff step
    /// without one, never growing with the call's retries (the gate already spaces the whole run, and a user who waited
    /// longer than the others would only let newcomers take the permits it needs).
    /// </summary>
    public static TimeSpan RunPause(CruxApiException rateLimited, CruxClientSettings settings, CruxCallState call) =>
        ComputeDelay(0, rateLimited.ServerRetryAfter, settings, Jitter.At(call.JitterSeed, 0));

    /// <summary>Which budget a failure is counted on; reads the call, writes nothing.</summary>
    public static RetryKind KindOf(Exception exception, CruxCallState call) =>
        call.Group is null || exception is not CruxRateLimitException ? RetryKind.Ordinary
        : call.Probe != 0 ? RetryKind.ProbeRateLimit
        : RetryKind.RateLimit;

    /// <summary>
    /// The one retry decision, a pure classification (it reads the call and the clock and writes nothing, so asking twice
    /// gives the same answer): the call may go on (the caller has not cancelled), the failure is transient for this request
    /// (<see cref="TransientFailures"/>: a failure that ends the call is one by its type), its kind has budget left
    /// (<see cref="RetryKind"/>: the counts are <c>OnRetry</c>'s), and the wait (<see cref="Wait"/>) ends before the
    /// overall deadline. Waiting past the deadline only to fail with a timeout would hide the real cause, so then the
    /// caller sees the typed failure (e.g. 429 with its Retry-After) at once.
    /// </summary>
    /// <param name="exception">The attempt's failure.</param>
    /// <param name="attempt">Polly's number of the attempt that failed (0 for the first): it picks the jitter.</param>
    /// <param name="call">The call's state.</param>
    /// <param name="settings">The client's settings.</param>
    /// <param name="timeProvider">The clock the deadline is measured on.</param>
    public static bool ShouldRetry(Exception exception, int attempt, CruxCallState call, CruxClientSettings settings, TimeProvider timeProvider)
    {
        if (call.CallerToken.IsCancellationRequested || !TransientFailures.IsTransient(exception, call.IsIdempotent))
        {
            return false;
        }

        RetryKind kind = KindOf(exception, call);
        bool withinBudget = kind switch
        {
            RetryKind.Ordinary => call.Retries < settings.MaxRetries,
            RetryKind.RateLimit => call.RateLimitRetries < call.Group!.MaxRateLimitRetries,

            // A probe's 429 (see RateLimitGate) is the run's question "is the window open yet?", not this user's failure.
            _ => true,
        };

        return withinBudget
            && (call.Timeout == Timeout.InfiniteTimeSpan
                || timeProvider.GetElapsedTime(call.StartedAt) + Wait(exception, attempt, kind, call, settings) < call.Timeout);
    }

    /// <summary>
    /// The wait before the next attempt, a pure function of the failure, the attempt and the call (the jitter is drawn from
    /// the call's seed and the attempt, <see cref="Jitter.At"/>, so the predicate and the delay generator agree without
    /// storing it): the backoff (exponential in the ordinary retries made, with Retry-After); in a bulk run at least until
    /// the run's pause is over, and after a run's 429 the pause itself (which the sender extended with that 429, unless it
    /// answered the probe).
    /// </summary>
    public static TimeSpan Wait(Exception exception, int attempt, RetryKind kind, CruxCallState call, CruxClientSettings settings)
    {
        TimeSpan pause = call.Group?.Gate.Remaining() ?? TimeSpan.Zero;
        if (kind != RetryKind.Ordinary)
        {
            return pause;
        }

        TimeSpan backoff = ComputeDelay(call.Retries, (exception as CruxApiException)?.ServerRetryAfter, settings, Jitter.At(call.JitterSeed, attempt));
        return pause > backoff ? pause : backoff;
    }

    /// <summary>
    /// What Polly itself waits: <see cref="Wait"/>, except after a run's 429, where the run's gate holds the next attempt
    /// instead (<see cref="CruxSender"/>), because only the gate can let it go early as the pause's one probe, or wait longer
    /// when another call's 429 extends the pause meanwhile.
    /// </summary>
    public static TimeSpan PollyDelay(Exception exception, int attempt, CruxCallState call, CruxClientSettings settings)
    {
        RetryKind kind = KindOf(exception, call);
        return kind == RetryKind.Ordinary ? Wait(exception, attempt, kind, call, settings) : TimeSpan.Zero;
    }

    /// <summary>
    /// <c>OnRetry</c>: the side effects of a retry that will happen. The failure's count, the run's "a retry after a 429 is
    /// pending" (no new user starts before it), the run's figures, and the telemetry with the real wait: after a run's 429,
    /// the run's pause, which the gate holds the attempt for (Polly itself waits nothing then, see <see cref="PollyDelay"/>;
    /// the attempt may still go earlier as the pause's probe).
    /// </summary>
    public static void Retrying(Exception exception, TimeSpan pollyDelay, CruxCallState call)
    {
        RetryKind kind = KindOf(exception, call);
        TimeSpan wait = kind == RetryKind.Ordinary ? pollyDelay : call.Group!.Gate.Remaining();
        switch (kind)
        {
            case RetryKind.Ordinary:
                call.Retries++;
                break;
            case RetryKind.RateLimit:
                call.RateLimitRetries++;
                call.MarkRetryPending(call.Group!);
                break;
            default:
                call.MarkRetryPending(call.Group!);
                break;
        }

        call.Group?.Retrying();
        call.Telemetry?.Retrying(exception, wait);
    }

    private static CruxCallState Call(ResilienceContext context) => context.Properties.GetValue(CallState, null!);
}
