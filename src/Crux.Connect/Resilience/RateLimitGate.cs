namespace Crux.Connect.Internal;

/// <summary>
/// The one gate the calls of a <see cref="RetryGroup"/> pass before each attempt: closed by any 429 until its wait has
/// passed, so the calls pause together instead of each one spending the server's patience on its own schedule.
/// <para>
/// One probe per pause. <c>Retry-After</c> can only say whole seconds, so for a server whose window is shorter ("1" for a
/// 200 ms window) it is an upper bound, and waiting it out costs up to five windows in six. So during a pause ONE attempt
/// (never more than one in flight) may go early, at a fraction of the pause, and each 429 it gets doubles the time since
/// the pause started before the next one may go, up to the pause's end: if it is answered anything but 429, the gate opens
/// for everyone (and the adaptive limit of users in flight still protects the server). A probe's 429 does not extend the
/// pause (the server's first answer already said when it ends). The fraction learns: a pause ended by its first probe
/// tries earlier next time (down to 1/64 of the pause), a pause that nothing ended early tries later (up to 1/2). A
/// server that means its <c>Retry-After</c> thus costs about one extra 429 per pause, never a burst.
/// </para>
/// The open path is lock-free (one volatile read); a pause's probe bookkeeping is under a lock.
/// </summary>
internal sealed class RateLimitGate
{
    /// <summary>The first probe of the first pause goes at a quarter of the pause.</summary>
    internal const int InitialProbeShift = 2;

    /// <summary>At most this early: 1/64 of the pause (16 ms of a 1-second <c>Retry-After</c>).</summary>
    internal const int MaxProbeShift = 6;

    private readonly object _lock = new();
    private readonly TimeProvider _timeProvider;
    private long _opensAt = long.MinValue;
    private long _pauseStart;
    private long _nextProbeAt;
    private int _probeShift = InitialProbeShift;
    private bool _probeFailed;
    private bool _probeEnded;
    private long _generation;
    private long _probeInFlight;
    private TaskCompletionSource<bool> _changed = NewChange();

    public RateLimitGate(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>Gets how many probes went out (for tests and figures).</summary>
    public int Probes { get; private set; }

    /// <summary>Keeps the gate closed for at least <paramref name="pause"/> from now.</summary>
    /// <param name="pause">The server's <c>Retry-After</c> (or the backoff without one).</param>
    /// <param name="probe">The 429 answered the attempt that held the probe of a pause (see <see cref="WaitAsync"/>), 0 otherwise.</param>
    /// <returns><see langword="true"/> when the gate was open, so this starts a new pause.</returns>
    public bool Close(TimeSpan pause, long probe = 0)
    {
        long now = _timeProvider.GetTimestamp();
        long length = (long)(Math.Min(pause.TotalSeconds, TimeSpan.MaxValue.TotalSeconds / 2) * _timeProvider.TimestampFrequency);
        TaskCompletionSource<bool> fired;
        lock (_lock)
        {
            if (_opensAt > now && probe != 0 && probe == _generation && probe == _probeInFlight)
            {
                // The early question was answered "not yet": ask again when twice as long has passed since the pause began.
                _probeInFlight = 0;
                _probeFailed = true;
                _nextProbeAt = _pauseStart + (2 * (now - _pauseStart));
                fired = Swap();
            }
            else if (_opensAt > now)
            {
                // Another answer of the same pause (requests that were in flight when it began): only ever later.
                Volatile.Write(ref _opensAt, Math.Max(_opensAt, now + length));
                return false;
            }
            else
            {
                if (_generation != 0)
                {
                    // The last pause ended: by its first probe (so try earlier), or not early at all (so try later).
                    _probeShift = !_probeEnded ? Math.Max(1, _probeShift - 1)
                        : !_probeFailed ? Math.Min(MaxProbeShift, _probeShift + 1)
                        : _probeShift;
                }

                _generation++;
                _pauseStart = now;
                Volatile.Write(ref _opensAt, now + length);
                _nextProbeAt = now + (length >> _probeShift);
                _probeInFlight = 0;
                _probeFailed = false;
                _probeEnded = false;
                return true;
            }
        }

        fired.TrySetResult(true);
        return false;
    }

    /// <summary>The attempt that held <paramref name="probe"/> was answered, not 429: the window is open again, and so is the gate.</summary>
    public void ProbeAnswered(long probe) => EndProbe(probe, answered: true);

    /// <summary>The attempt that held <paramref name="probe"/> ended without an answer: another attempt may probe now.</summary>
    public void ProbeLost(long probe) => EndProbe(probe, answered: false);

    /// <summary>How long the gate stays closed from now (zero when it is open).</summary>
    public TimeSpan Remaining()
    {
        long opensAt = Volatile.Read(ref _opensAt);
        long now = _timeProvider.GetTimestamp();
        return opensAt > now ? ToTimeSpan(opensAt - now) : TimeSpan.Zero;
    }

    /// <summary>Waits until the gate is open, or, when <paramref name="mayProbe"/>, until this caller may send the pause's probe.</summary>
    /// <returns>0 when the gate is open; otherwise the probe this caller holds: pass it to <see cref="Close"/>, <see cref="ProbeAnswered"/> or <see cref="ProbeLost"/>.</returns>
    public async ValueTask<long> WaitAsync(bool mayProbe, CancellationToken cancellationToken)
    {
        while (true)
        {
            long now = _timeProvider.GetTimestamp();
            if (Volatile.Read(ref _opensAt) <= now)
            {
                return 0;
            }

            TimeSpan wait;
            Task changed;
            lock (_lock)
            {
                if (_opensAt <= now)
                {
                    return 0;
                }

                long until = _opensAt;
                if (mayProbe && _probeInFlight == 0 && _nextProbeAt < _opensAt)
                {
                    if (_nextProbeAt <= now)
                    {
                        _probeInFlight = _generation;
                        Probes++;
                        return _generation;
                    }

                    until = _nextProbeAt;
                }

                wait = ToTimeSpan(until - now);
                changed = _changed.Task;
            }

            // Woken by the time, or earlier by a probe's answer (the gate opened, or the next probe's time moved).
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task delay = TimeProviderDelay.DelayAsync(_timeProvider, wait, timer.Token);
            await Task.WhenAny(delay, changed).ConfigureAwait(false);
#if NET
            await timer.CancelAsync().ConfigureAwait(false);
#else
            timer.Cancel();
#endif
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private void EndProbe(long probe, bool answered)
    {
        TaskCompletionSource<bool> fired;
        lock (_lock)
        {
            if (probe == 0 || probe != _generation || probe != _probeInFlight)
            {
                return;
            }

            _probeInFlight = 0;
            if (answered)
            {
                _probeEnded = true;
                Volatile.Write(ref _opensAt, Math.Min(_opensAt, _timeProvider.GetTimestamp()));
            }

            fired = Swap();
        }

        fired.TrySetResult(true);
    }

    private static TaskCompletionSource<bool> NewChange() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TaskCompletionSource<bool> Swap()
    {
        TaskCompletionSource<bool> fired = _changed;
        _changed = NewChange();
        return fired;
    }

    private TimeSpan ToTimeSpan(long timestamps) =>
        TimeSpan.FromTicks((long)(timestamps * ((double)TimeSpan.TicksPerSecond / _timeProvider.TimestampFrequency)));
}
