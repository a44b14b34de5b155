using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Crux.Connect.Internal;

/// <summary>
/// Builds the client's Polly pipeline once, from the options snapshot, out of Polly's own strategies, outermost first:
/// <list type="number">
/// <item>the retry (<see cref="CruxRetryOptions"/>): <see cref="ShouldRetry"/> decides and chooses the wait (never one
/// that would end past the call's deadline; in a bulk run, never one that ends before the run's 429 pause), the
/// <c>DelayGenerator</c> hands Polly that wait, <c>OnRetry</c> tells the telemetry and the run's figures,</item>
/// <item>a timeout for each attempt: the smaller of <see cref="CruxClientOptions.AttemptTimeout"/> and what is left of
/// <see cref="CruxClientOptions.Timeout"/>, measured from the start of the outermost public call (so a by-name call's
/// catalog read or a login shares it).</item>
/// </list>
/// </summary>
internal static class CruxResilience
{
    /// <summary>The call's <see cref="CruxCallState"/>.</summary>
    public static readonly ResiliencePropertyKey<CruxCallState> CallState = new("Crux.Call");

    public static ResiliencePipeline Create(CruxClientSettings settings, TimeProvider timeProvider, Func<double> jitter)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = "Crux.Connect" };
        builder.AddRetry(new RetryStrategyOptions
        {
            Name = "Crux.Retry",

            // The limit is ShouldRetry's: it depends on the failure (a 429 in a bulk run has its own budget,
            // CruxBulkOptions.MaxRateLimitRetries, apart from MaxRetries), which one count of Polly's cannot express.
            MaxRetryAttempts = int.MaxValue,

            // The backoff is ours (equal jitter, see ComputeDelay) because the retry predicate must know the wait
            // to refuse one that would end past the deadline; Polly is handed the wait the predicate chose.
            BackoffType = DelayBackoffType.Exponential,
            Delay = settings.BaseDelay,
            MaxDelay = settings.MaxDelay,
            ShouldHandle = args => new ValueTask<bool>(
                args.Outcome.Exception is { } exception && ShouldRetry(exception, args.Context, settings, timeProvider, jitter)),
            DelayGenerator = args => new ValueTask<TimeSpan?>(Call(args.Context).NextDelay),
            OnRetry = args =>
            {
                CruxCallState call = Call(args.Context);
                call.Group?.Retrying();
                call.Telemetry?.Retrying(args.Outcome.Exception, args.RetryDelay);
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
    /// The one retry decision: the failure is transient (for this request), the call may go on and has retries left, and
    /// the wait it calls for ends before the overall deadline. Waiting past the deadline only to fail with a timeout would
    /// hide the real cause, so then the caller sees the typed failure (e.g. 429 with its Retry-After) at once.
    /// In a <see cref="RetryGroup"/> (a bulk run) a 429 pauses every call of the group, has its own budget of retries, and
    /// any retry waits until the group's pause is over.
    /// </summary>
    public static bool ShouldRetry(
        Exception exception, ResilienceContext context, CruxClientSettings settings, TimeProvider timeProvider, Func<double> jitter)
    {
        CruxCallState call = Call(context);
        RetryGroup? group = call.Group;
        bool groupRateLimit = group is not null && exception is CruxRateLimitException;
        int retries = groupRateLimit ? call.RateLimitRetries : call.Retries;

        // A probe's 429 (see RateLimitGate) is the group's question "is the window open yet?", not this user's failure:
        // it is not on the user's budget.
        bool probeAnswered429 = groupRateLimit && call.Probe != 0;

        // In a run, a 429's wait is the server's Retry-After (or the first backoff step without one), never growing with
        // the user's retries: the gate already spaces the whole run, and a user who waits longer than the others only
        // lets newcomers take the permits it needs (starvation).
        TimeSpan delay = ComputeDelay(groupRateLimit ? 0 : retries, (exception as CruxApiException)?.ServerRetryAfter, settings, jitter());
        if (group is not null)
        {
            if (groupRateLimit)
            {
                // Every 429 pauses the group, even one this call will not retry: the server asked everyone to slow down.
                // (A final one came from the call's login, which runs through the login's own core, outside any group.)
                group.RateLimited(delay, call.Probe);
            }

            // After a 429 the wait is the pause, which that 429 extended if it said later (a probe's 429 does not extend it).
            TimeSpan pause = group.Gate.Remaining();
            delay = groupRateLimit || pause > delay ? pause : delay;
        }

        // The deadline check below counts the whole pause; the wait itself is the gate's (AttemptAsync), which may let this
        // attempt go early as the pause's probe, or all of them when another's probe found the window open again.
        TimeSpan wait = groupRateLimit ? TimeSpan.Zero : delay;

        if (call.IsFinal
            || call.CallerToken.IsCancellationRequested
            || !TransientFailures.IsTransient(exception, call.IsIdempotent)
            || (!probeAnswered429 && retries >= (groupRateLimit ? group!.MaxRateLimitRetries : settings.MaxRetries))
            || (call.Timeout != Timeout.InfiniteTimeSpan && timeProvider.GetElapsedTime(call.StartedAt) + delay >= call.Timeout))
        {
            return false;
        }

        if (groupRateLimit)
        {
            if (!probeAnswered429)
            {
                call.RateLimitRetries++;
            }

            call.Probe = 0;
            call.MarkRetryPending(group!);
        }
        else
        {
            call.Retries++;
        }

        call.NextDelay = wait;
        return true;
    }

    private static CruxCallState Call(ResilienceContext context) => context.Properties.GetValue(CallState, null!);
}
