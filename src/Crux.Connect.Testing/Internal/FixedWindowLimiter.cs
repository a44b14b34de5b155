namespace Crux.Connect.Testing.Internal;

/// <summary>A fixed-window counter on the simulator's clock, the shape of DRF's throttles. Callers hold the injector's lock.</summary>
internal sealed class FixedWindowLimiter(int permits, TimeSpan window, DateTimeOffset start)
{
    private DateTimeOffset _windowStart = start;
    private int _used;

    /// <summary>Takes a permit, or says how long until the window ends.</summary>
    public TimeSpan? TryAcquire(DateTimeOffset now)
    {
        if (now >= _windowStart + window)
        {
            // Windows stay aligned to the start, so an idle period does not shift them.
            var elapsed = (now - _windowStart).Ticks / window.Ticks;
            _windowStart += TimeSpan.FromTicks(elapsed * window.Ticks);
            _used = 0;
        }

        if (_used < permits)
        {
            _used++;
            return null;
        }

        return _windowStart + window - now;
    }
}
