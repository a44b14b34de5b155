namespace Crux.Connect.Bulk;

/// <summary>
/// The one gate every worker of a bulk operation passes before each try: closed by any 429 until its Retry-After has
/// passed, so workers pause together instead of each one spending the server's patience on its own schedule.
/// Lock-free: the reopening time only ever moves later.
/// </summary>
internal sealed class RateLimitGate
{
    private readonly TimeProvider _timeProvider;
    private long _opensAt = long.MinValue;

    public RateLimitGate(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>Keeps the gate closed for at least <paramref name="pause"/> from now.</summary>
    /// <returns><see langword="true"/> when the gate was open, so this starts a new pause.</returns>
    public bool Close(TimeSpan pause)
    {
        long now = _timeProvider.GetTimestamp();
        long target = now + (long)(pause.TotalSeconds * _timeProvider.TimestampFrequency);
        while (true)
        {
            long current = Volatile.Read(ref _opensAt);
            if (target <= current)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _opensAt, target, current) == current)
            {
                return current <= now;
            }
        }
    }

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // Read again after each wait: another 429 may have pushed the reopening later meanwhile.
            long opensAt = Volatile.Read(ref _opensAt);
            long now = _timeProvider.GetTimestamp();
            if (now >= opensAt)
            {
                return;
            }

            long remaining = opensAt - now;
            TimeSpan wait = TimeSpan.FromTicks((long)(remaining * ((double)TimeSpan.TicksPerSecond / _timeProvider.TimestampFrequency)));
            await TimeProviderDelay.DelayAsync(_timeProvider, wait > TimeSpan.Zero ? wait : TimeSpan.FromTicks(1), cancellationToken).ConfigureAwait(false);
        }
    }
}
