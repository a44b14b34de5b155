using Crux.Connect.Diagnostics;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Crux.Connect.Internal;

/// <summary>
/// Builds the client's Polly pipeline once, from the options snapshot, in a fixed order:
/// overall timeout (every attempt and every wait) → retry → attempt timeout. Only the strategies
/// in use are added, so a client with retries off pays for no retry strategy.
/// </summary>
internal static class CruxResilience
{
    /// <summary>When the call started (a <see cref="TimeProvider"/> timestamp), to know how much of the overall timeout is left.</summary>
    public static readonly ResiliencePropertyKey<long> StartedAt = new("Crux.StartedAt");

    /// <summary>Present (true) only for requests that are not set operations, such as login.</summary>
    public static readonly ResiliencePropertyKey<bool> NotIdempotent = new("Crux.NotIdempotent");

    /// <summary>The delay chosen by the retry predicate, handed to the delay generator.</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> NextDelay = new("Crux.NextDelay");

    /// <summary>The operation's telemetry, present only when something listens, for the retry strategy to report retries to.</summary>
    public static readonly ResiliencePropertyKey<CruxOperationTelemetry> Telemetry = new("Crux.Telemetry");

    public static ResiliencePipeline Create(CruxClientSettings settings, TimeProvider timeProvider, Func<double> jitter)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider, Name = "Crux.Connect" };
        if (settings.Timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = settings.Timeout, Name = "Total" });
        }

        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "Retry",
                MaxRetryAttempts = settings.MaxRetries,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args, settings, timeProvider, jitter)),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(
                    args.Context.Properties.TryGetValue(NextDelay, out TimeSpan delay) ? delay : TimeSpan.Zero),
                OnRetry = static args =>
                {
                    // Called before the wait: the log, the activity event and the counter see the delay about to be waited.
                    if (args.Context.Properties.TryGetValue(Telemetry, out CruxOperationTelemetry? telemetry))
                    {
                        telemetry.Retrying(args.Outcome.Exception, args.RetryDelay);
                    }

                    return default;
                },
            });
        }

        if (settings.AttemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = settings.AttemptTimeout, Name = "Attempt" });
        }

        return builder.Build();
    }

    /// <summary>
    /// The backoff: exponential from <see cref="CruxRetryOptions.BaseDelay"/>, capped by
    /// <see cref="CruxRetryOptions.MaxDelay"/>, with "equal jitter" (between half and all of the step),
    /// so that many clients failing together do not retry together. A server's Retry-After wins, capped.
    /// </summary>
    public static TimeSpan ComputeDelay(int attempt, TimeSpan? retryAfter, CruxClientSettings settings, double jitter01)
    {
        if (retryAfter is TimeSpan serverDelay)
        {
            return serverDelay > settings.MaxDelay ? settings.MaxDelay : serverDelay;
        }

        double step = settings.BaseDelay.Ticks * Math.Pow(2, Math.Min(attempt, 62));
        step = Math.Min(step, settings.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)((step / 2) + (jitter01 * step / 2)));
    }

    private static bool ShouldRetry(RetryPredicateArguments<object> args, CruxClientSettings settings, TimeProvider timeProvider, Func<double> jitter)
    {
        if (args.Outcome.Exception is not { } exception)
        {
            return false;
        }

        ResilienceProperties properties = args.Context.Properties;
        bool idempotent = !properties.TryGetValue(NotIdempotent, out bool notIdempotent) || !notIdempotent;
        if (!TransientFailures.IsTransient(exception, idempotent))
        {
            return false;
        }

        TimeSpan? retryAfter = (exception as CruxApiException)?.ServerRetryAfter;
        TimeSpan delay = ComputeDelay(args.AttemptNumber, retryAfter, settings, jitter());

        // Waiting past the overall deadline only to fail with a timeout would hide the real cause:
        // give up now and let the caller see the typed failure (e.g. 429 with its Retry-After).
        if (settings.Timeout != Timeout.InfiniteTimeSpan && properties.TryGetValue(StartedAt, out long startedAt)
            && timeProvider.GetElapsedTime(startedAt) + delay >= settings.Timeout)
        {
            return false;
        }

        properties.Set(NextDelay, delay);
        return true;
    }
}
