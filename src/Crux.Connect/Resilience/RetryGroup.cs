namespace Crux.Connect.Internal;

/// <summary>
/// Calls that run as one group (a bulk run's users) and meet the server's rate limit together. Each call keeps its own
/// pipeline, deadline and retries; what the group adds, read by <see cref="CruxResilience.ShouldRetry"/>:
/// <list type="bullet">
/// <item>one <see cref="RateLimitGate"/>: any call's 429 closes it for that call's wait, and every retry of the group waits
/// at least until it opens (the runner waits there before each new call);</item>
/// <item>a budget of 429 retries per call (<see cref="CruxBulkOptions.MaxRateLimitRetries"/>) apart from
/// <see cref="CruxRetryOptions.MaxRetries"/>, because a bulk run is expected to meet the limit many times;</item>
/// <item>the figures of the run: 429 answers, pauses, retries.</item>
/// </list>
/// It reaches a call only through that call's <see cref="CruxCallScope"/>, which the run creates for each user on its own
/// client: a call on another client, or one made from a progress callback, is never paused, counted or retried by it.
/// </summary>
internal sealed class RetryGroup
{
    private int _rateLimitedResponses;
    private int _pauses;
    private int _retries;

    public RetryGroup(TimeProvider timeProvider, int maxRateLimitRetries)
    {
        Gate = new RateLimitGate(timeProvider);
        MaxRateLimitRetries = maxRateLimitRetries;
    }

    public RateLimitGate Gate { get; }

    /// <summary>Gets how many times one call of the group may retry after a 429.</summary>
    public int MaxRateLimitRetries { get; }

    public int RateLimitedResponses => Volatile.Read(ref _rateLimitedResponses);

    public int Pauses => Volatile.Read(ref _pauses);

    public int Retries => Volatile.Read(ref _retries);

    /// <summary>A call of the group was answered 429: every call pauses for <paramref name="pause"/>.</summary>
    public void RateLimited(TimeSpan pause)
    {
        Interlocked.Increment(ref _rateLimitedResponses);
        if (Gate.Close(pause))
        {
            Interlocked.Increment(ref _pauses);
        }
    }

    public void Retrying() => Interlocked.Increment(ref _retries);
}
