namespace Crux.Connect.Internal;

/// <summary>
/// The one gate the calls of a <see cref="RetryGroup"/> pass before each attempt: closed by any 429 until its wait has
/// passed, so the calls pause together instead of each one spending the server's patience on its own schedule.
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

    /// <summary>How long the gate stays closed from now (zero when it is open).</summary>
    public TimeSpan Remaining()
    {
        long opensAt = Volatile.Read(ref _opensAt);
        long now = _timeProvider.GetTimestamp();
        return opensAt > now ? TimeSpan.FromTicks((long)((opensAt - now) * ((double)TimeSpan.TicksPerSecond / _timeProvider.TimestampFrequency))) : TimeSpan.Zero;
    }

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // Read again after each wait: another 429 may have pushed the reopening later meanwhile.
            TimeSpan wait = Remaining();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await TimeProviderDelay.DelayAsync(_timeProvider, wait, cancellationToken).ConfigureAwait(false);
        }
    }
}
