namespace Crux.Connect.Internal;

/// <summary>
/// How many users of a bulk run may be in flight: additive increase, multiplicative decrease (as TCP's congestion window).
/// A new rate-limit pause halves it (never below 1); each user that finishes while the run is not paused adds 1/limit, so
/// the limit grows by about one per round of users, up to <see cref="CruxBulkOptions.MaxConcurrency"/>. Fewer requests in
/// flight when the server says "slow down" means fewer of them answered 429 at once, each of which would cost a retry.
/// Written here rather than taken from System.Threading.RateLimiting (which Polly's rate limiter wraps): its
/// <c>ConcurrencyLimiter</c> has a permit limit fixed at construction, and no limiter there adapts to 429 answers.
/// </summary>
internal sealed class AdaptiveLimit
{
    private readonly object _lock = new();
    private readonly int _max;
    private double _limit;
    private int _inFlight;
    private TaskCompletionSource<bool> _change = NewChange();

    public AdaptiveLimit(int max)
    {
        _max = max;
        _limit = max;
    }

    public int Current
    {
        get
        {
            lock (_lock)
            {
                return (int)_limit;
            }
        }
    }

    /// <summary>Gets a task that completes at the next change (a slot freed, the limit grown, a retry started).</summary>
    public Task NextChange
    {
        get
        {
            lock (_lock)
            {
                return _change.Task;
            }
        }
    }

    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_inFlight >= (int)_limit)
            {
                return false;
            }

            _inFlight++;
            return true;
        }
    }

    public void Exit(bool grow)
    {
        lock (_lock)
        {
            _inFlight--;
            if (grow)
            {
                _limit = Math.Min(_max, _limit + (1 / _limit));
            }
        }

        Changed();
    }

    public void Decrease()
    {
        lock (_lock)
        {
            _limit = Math.Max(1, Math.Floor(_limit / 2));
        }
    }

    /// <summary>Wakes whoever waits for a change; they check again.</summary>
    public void Changed()
    {
        TaskCompletionSource<bool> fired;
        lock (_lock)
        {
            fired = _change;
            _change = NewChange();
        }

        fired.TrySetResult(true);
    }

    private static TaskCompletionSource<bool> NewChange() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
