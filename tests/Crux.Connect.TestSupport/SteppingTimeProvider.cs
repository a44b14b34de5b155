using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that drives a call to completion without sleeping: whenever the call is
/// not done, it moves the clock to the earliest pending timer, exactly as real time would (nothing can happen
/// before it), so waits are exact in fake time and tests take milliseconds whatever the configured delays.
/// It never asks which timer is which, nor how many the client creates: a test bounds how far one step may
/// jump instead (below every timeout it does not want to reach), and lets the clock jump further only while the
/// code under test provably waits for nothing but time (an attempt stalled on purpose).
/// <see cref="AdvanceInStepsAsync"/> moves it the other way, in fixed steps whatever the timers, for tests that check a
/// wait lasted at least so long. The one manual clock of the tests: a test that only sets the time uses
/// <see cref="FakeTimeProvider"/> itself.
/// </summary>
public sealed class SteppingTimeProvider : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<PendingTimer> _pending = new();

    public SteppingTimeProvider()
        : base(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Gets how much fake time has passed since the clock was created.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Scheduled before the inner timer exists: a timer due at once may fire inside CreateTimer.
        var pending = new PendingTimer(this);
        pending.Schedule(dueTime, period);
        pending.Inner = base.CreateTimer(
            s =>
            {
                pending.Fired();
                callback(s);
            },
            state,
            dueTime,
            period);
        return pending;
    }

    /// <summary>
    /// Runs <paramref name="task"/> to completion, moving the clock to the earliest pending timer whenever the task
    /// is not done and that timer is due within <paramref name="maxStep"/>; while <paramref name="onlyTimeCanHelp"/>
    /// answers <see langword="true"/> (e.g. an attempt stalled on purpose), however far it is.
    /// </summary>
    /// <param name="task">The call under test.</param>
    /// <param name="maxStep">The longest jump when nothing is known to be stalled. Choose it below every timeout the
    /// test must not reach, so a timeout can never fire while the code under test is merely busy on a slow machine.</param>
    /// <param name="onlyTimeCanHelp">Whether the code under test is blocked on something only a timer can end.</param>
    /// <param name="maxSteps">How many polls before giving up.</param>
    public async Task<T> DriveAsync<T>(Task<T> task, TimeSpan maxStep, Func<bool>? onlyTimeCanHelp = null, int maxSteps = 5000)
    {
        for (int step = 0; step < maxSteps && !task.IsCompleted; step++)
        {
            await Task.WhenAny(task, Task.Delay(2));
            if (task.IsCompleted)
            {
                break;
            }

            DateTimeOffset? next = null;
            lock (_gate)
            {
                foreach (PendingTimer timer in _pending)
                {
                    if (next is null || timer.DueAt < next)
                    {
                        next = timer.DueAt;
                    }
                }
            }

            if (next is { } dueAt)
            {
                TimeSpan jump = dueAt - GetUtcNow();
                jump = jump > TimeSpan.Zero ? jump : TimeSpan.Zero;
                if (jump <= maxStep || onlyTimeCanHelp?.Invoke() == true)
                {
                    Advance(jump);
                }
            }
        }

        if (!task.IsCompleted)
        {
            throw new TimeoutException("The call did not complete while driving the fake clock.");
        }

        return await task;
    }

    /// <summary>The same as <see cref="DriveAsync{T}(Task{T}, TimeSpan, Func{bool}?, int)"/> for a task without a result.</summary>
    public Task DriveAsync(Task task, TimeSpan maxStep, Func<bool>? onlyTimeCanHelp = null, int maxSteps = 5000) =>
        DriveAsync(AsResult(task), maxStep, onlyTimeCanHelp, maxSteps);

    /// <summary>
    /// Once <paramref name="armed"/> says the code under test has started waiting on this clock (e.g. the simulator has
    /// the request, so its delay timer exists), advances the clock by <paramref name="step"/> at a time until
    /// <paramref name="task"/> completes, and returns how much fake time that took.
    /// </summary>
    /// <exception cref="TimeoutException">The wait never started, or the task never completed.</exception>
    public async Task<TimeSpan> AdvanceInStepsAsync(Task task, TimeSpan step, Func<bool> armed)
    {
        if (!SpinWait.SpinUntil(armed, TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The wait never started (the request never reached the simulator).");
        }

        DateTimeOffset start = GetUtcNow();
        for (int i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            Advance(step);
            await Task.Yield();
            SpinWait.SpinUntil(() => task.IsCompleted, TimeSpan.FromMilliseconds(1));
        }

        if (!task.IsCompleted)
        {
            throw new TimeoutException("The task never completed while the fake clock advanced.");
        }

        return GetUtcNow() - start;
    }

    private static async Task<bool> AsResult(Task task)
    {
        await task;
        return true;
    }

    private sealed class PendingTimer : ITimer
    {
        private readonly SteppingTimeProvider _owner;
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public PendingTimer(SteppingTimeProvider owner)
        {
            _owner = owner;
        }

        public DateTimeOffset DueAt { get; private set; }

        public ITimer? Inner { get; set; }

        /// <summary>Records a (re)scheduling; a timer created idle and armed later (CancelAfter) counts when armed.</summary>
        public void Schedule(TimeSpan dueTime, TimeSpan period)
        {
            lock (_owner._gate)
            {
                _owner._pending.Remove(this);
                _period = period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    DueAt = _owner.GetUtcNow() + dueTime;
                    _owner._pending.Add(this);
                }
            }
        }

        /// <summary>A one-shot timer is done once it fires; a periodic one is next due a period later.</summary>
        public void Fired()
        {
            lock (_owner._gate)
            {
                _owner._pending.Remove(this);
                if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
                {
                    DueAt += _period;
                    _owner._pending.Add(this);
                }
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Schedule(dueTime, period);
            return Inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            lock (_owner._gate)
            {
                _owner._pending.Remove(this);
            }

            Inner!.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
