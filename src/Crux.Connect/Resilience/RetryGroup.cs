namespace Crux.Connect.Internal;

/// <summary>
/// Calls that run as one group (a bulk run's users) and meet the server's rate limit together. Each call keeps its own
/// pipeline, deadline and retries; what the group adds, told by the sender (every 429 it receives), read by the retry
/// strategy (<see cref="CruxResilience.ShouldRetry"/>, <see cref="CruxResilience.Retrying"/>) and the runner:
/// <list type="bullet">
/// <item>one <see cref="RateLimitGate"/>: any call's 429 closes it for the server's <c>Retry-After</c>, and every attempt of
/// the group waits until it opens, except one probe at a time that may go early (a whole-seconds <c>Retry-After</c> is an
/// upper bound of a shorter window) and opens it for all when it is not answered 429;</item>
/// <item>retries first: a user whose request was answered 429 is tried again before any new user starts (the runner's
/// <see cref="StartUserAsync"/> waits while such a retry is pending), so no user starves behind newcomers;</item>
/// <item>an adaptive number of users in flight (<see cref="AdaptiveLimit"/>: halved by each new pause, grown by one per
/// round of users that finish, up to <see cref="CruxBulkOptions.MaxConcurrency"/>);</item>
/// <item>a budget of 429 retries per call (<see cref="CruxBulkOptions.MaxRateLimitRetries"/>) apart from
/// <see cref="CruxRetryOptions.MaxRetries"/>, because a bulk run is expected to meet the limit many times;</item>
/// <item>the figures of the run: 429 answers, pauses, retries.</item>
/// </list>
/// It reaches a call only through that call's <see cref="CruxCallScope"/>, which the run creates for each user on its own
/// client: a call on another client, or one made from a progress callback, is never paused, counted or retried by it.
/// </summary>
internal sealed class RetryGroup
{
    private readonly AdaptiveLimit _limit;
    private int _rateLimitedResponses;
    private int _pauses;
    private int _retries;
    private int _pendingRetries;

    public RetryGroup(TimeProvider timeProvider, int maxRateLimitRetries, int maxConcurrency = CruxBulkOptions.DefaultMaxConcurrency)
    {
        Gate = new RateLimitGate(timeProvider);
        MaxRateLimitRetries = maxRateLimitRetries;
        _limit = new AdaptiveLimit(maxConcurrency);
    }

    public RateLimitGate Gate { get; }

    /// <summary>Gets how many times one call of the group may retry after a 429.</summary>
    public int MaxRateLimitRetries { get; }

    public int RateLimitedResponses => Volatile.Read(ref _rateLimitedResponses);

    public int Pauses => Volatile.Read(ref _pauses);

    public int Retries => Volatile.Read(ref _retries);

    /// <summary>Gets how many users may be in flight now (for tests and figures).</summary>
    public int Limit => _limit.Current;

    /// <summary>
    /// A call of the group was answered 429: every call pauses for <paramref name="pause"/> (one probe may go earlier, see
    /// <see cref="RateLimitGate"/>); a new pause halves the users in flight. <paramref name="probe"/>: the probe the call's
    /// attempt held, if any (its 429 only delays the next probe).
    /// </summary>
    public void RateLimited(TimeSpan pause, long probe = 0)
    {
        Interlocked.Increment(ref _rateLimitedResponses);
        if (Gate.Close(pause, probe))
        {
            Interlocked.Increment(ref _pauses);
            _limit.Decrease();
        }
    }

    public void Retrying() => Interlocked.Increment(ref _retries);

    /// <summary>A call will retry after a 429: no new user starts until that retry has started (or the call ended).</summary>
    public void RetryPending() => Interlocked.Increment(ref _pendingRetries);

    /// <summary>The pending retry started (or will never start): new users may go again.</summary>
    public void RetryStarted()
    {
        Interlocked.Decrement(ref _pendingRetries);
        _limit.Changed();
    }

    /// <summary>
    /// Waits until a new user may start: the gate is open, no rate-limited retry is waiting to go first, and fewer users are
    /// in flight than the adaptive limit allows. Pair each completed wait with <see cref="UserDone"/>.
    /// </summary>
    public async Task StartUserAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // A new user never probes: the probe is a retry's, which goes before newcomers anyway.
            await Gate.WaitAsync(mayProbe: false, cancellationToken).ConfigureAwait(false);
            Task changed = _limit.NextChange;
            if (Volatile.Read(ref _pendingRetries) == 0 && _limit.TryEnter())
            {
                return;
            }

            await Deadlines.WaitAsync(changed, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A user started by <see cref="StartUserAsync"/> is done; without a pause meanwhile, the limit grows.</summary>
    public void UserDone() => _limit.Exit(grow: Gate.Remaining() == TimeSpan.Zero);
}
