using Polly;
using Polly.Timeout;

namespace Crux.Connect.Internal;

/// <summary>
/// Builds the client's Polly pipeline once, from the options snapshot: the retry strategy, if retries are on
/// (a client with retries off runs through an empty pipeline). Both timeouts are enforced by one cancellation
/// source per call instead of two Polly timeout strategies (<see cref="CruxCallState.BeginAttempt"/>): each
/// attempt gets the smaller of the attempt timeout and what is left of the overall timeout, and
/// <see cref="ShouldRetry"/> never starts a wait that would end past the overall deadline. Same limits, same
/// exceptions (<see cref="TimeoutRejectedException"/> naming the limit reached), at a fraction of the cost of
/// two pooled sources, two timers and a registration between them on every call.
/// </summary>
internal static class CruxResilience
{
    /// <summary>The call's <see cref="CruxCallState"/>: start time, idempotency, chosen delay, telemetry.</summary>
    public static readonly ResiliencePropertyKey<CruxCallState> CallState = new("Crux.Call");

    public static ResiliencePipeline Create(CruxClientSettings settings, TimeProvider timeProvider, Func<double> jitter)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = "Crux.Connect" };
        if (settings.MaxRetries > 0)
        {
            builder.AddStrategy(_ => new CruxRetryStrategy(settings, timeProvider, jitter));
        }

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
    /// The one retry decision: the failure is transient (for this request), and the wait it calls for ends before
    /// the overall deadline. Waiting past the deadline only to fail with a timeout would hide the real cause, so
    /// then the caller sees the typed failure (e.g. 429 with its Retry-After) at once.
    /// </summary>
    public static bool ShouldRetry(
        Exception exception, int attempt, ResilienceContext context, CruxClientSettings settings, TimeProvider timeProvider, Func<double> jitter, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        context.Properties.TryGetValue(CallState, out CruxCallState? call);
        bool idempotent = call is null || call.IsIdempotent;
        if (call is { IsFinal: true } || !TransientFailures.IsTransient(exception, idempotent))
        {
            return false;
        }

        TimeSpan? retryAfter = (exception as CruxApiException)?.ServerRetryAfter;
        delay = ComputeDelay(attempt, retryAfter, settings, jitter());
        return call is null || call.Timeout == Timeout.InfiniteTimeSpan
            || timeProvider.GetElapsedTime(call.StartedAt) + delay < call.Timeout;
    }
}
