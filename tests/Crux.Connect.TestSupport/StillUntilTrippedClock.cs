namespace Crux.Connect.TestSupport;

/// <summary>
/// A clock for a rate-limited simulator that stands still until <see cref="Tripped"/> says the limit has bitten (its first 429),
/// then runs in real time from there. With it, the first window of a fixed-window limit surely fills however few requests a
/// loaded machine sends per second, so a test that needs the limit to bite does not depend on the machine's speed; from the
/// first 429 on, windows pass in real time as they would with <see cref="TimeProvider.System"/> (the simulator's clock only
/// lags the real one by the still period, so it never counts more windows than real time does).
/// </summary>
public sealed class StillUntilTrippedClock : TimeProvider
{
    private readonly DateTimeOffset _start = System.GetUtcNow();
    private long _runningSince;

    /// <summary>Gets or sets what says the clock may start; read on every <see cref="GetUtcNow"/> while the clock stands still.</summary>
    public Func<bool>? Tripped { get; set; }

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        long since = Volatile.Read(ref _runningSince);
        if (since == 0)
        {
            if (Tripped?.Invoke() != true)
            {
                return _start;
            }

            Interlocked.CompareExchange(ref _runningSince, System.GetTimestamp(), 0);
            since = Volatile.Read(ref _runningSince);
        }

        return _start + System.GetElapsedTime(since);
    }
}
