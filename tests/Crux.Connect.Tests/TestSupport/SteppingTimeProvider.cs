using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.TestSupport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that knows which timers are pending, so a test can drive a call to
/// completion by jumping the clock to the next timer instead of sleeping: retry delays are exact and
/// tests take milliseconds whatever the configured delays.
/// </summary>
public sealed class SteppingTimeProvider : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<PendingTimer> _pending = new();
    private readonly List<TimeSpan> _created = new();

    public SteppingTimeProvider()
        : base(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Gets the due times of every timer armed (created or changed to a finite due time), in order.</summary>
    public IReadOnlyList<TimeSpan> CreatedTimers
    {
        get
        {
            lock (_gate)
            {
                return _created.ToArray();
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var pending = new PendingTimer(this);
        ITimer inner = base.CreateTimer(
            s =>
            {
                pending.Remove();
                callback(s);
            },
            state,
            dueTime,
            period);
        pending.Inner = inner;
        pending.Schedule(dueTime);
        return pending;
    }

    /// <summary>
    /// Runs <paramref name="task"/> to completion, moving the clock to the next pending timer whenever
    /// <paramref name="mayAdvance"/> says the code under test is waiting on time, not on work.
    /// </summary>
    public async Task<T> DriveAsync<T>(Task<T> task, Func<TimeSpan, bool> mayAdvance, int maxSteps = 5000)
    {
        for (int step = 0; step < maxSteps && !task.IsCompleted; step++)
        {
            await Task.WhenAny(task, Task.Delay(2));
            if (task.IsCompleted)
            {
                break;
            }

            PendingTimer? next = null;
            lock (_gate)
            {
                foreach (PendingTimer timer in _pending)
                {
                    if (mayAdvance(timer.DueTime) && (next is null || timer.DueAt < next.DueAt))
                    {
                        next = timer;
                    }
                }
            }

            if (next is not null)
            {
                TimeSpan jump = next.DueAt - GetUtcNow();
                Advance(jump > TimeSpan.Zero ? jump : TimeSpan.Zero);
            }
        }

        if (!task.IsCompleted)
        {
            throw new TimeoutException("The call did not complete while driving the fake clock.");
        }

        return await task;
    }

    private sealed class PendingTimer : ITimer
    {
        private readonly SteppingTimeProvider _owner;

        public PendingTimer(SteppingTimeProvider owner)
        {
            _owner = owner;
        }

        public TimeSpan DueTime { get; private set; }

        /// <summary>Records a (re)scheduling; a timer created idle and armed later (CancelAfter) counts when armed.</summary>
        public void Schedule(TimeSpan dueTime)
        {
            lock (_owner._gate)
            {
                _owner._pending.Remove(this);
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    DueTime = dueTime;
                    DueAt = _owner.GetUtcNow() + dueTime;
                    _owner._created.Add(dueTime);
                    _owner._pending.Add(this);
                }
            }
        }

        public DateTimeOffset DueAt { get; set; }

        public ITimer? Inner { get; set; }

        public void Remove()
        {
            lock (_owner._gate)
            {
                _owner._pending.Remove(this);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Schedule(dueTime);
            return Inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            Remove();
            Inner!.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
