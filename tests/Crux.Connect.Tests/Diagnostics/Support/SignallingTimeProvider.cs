using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.Diagnostics.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that says when a timer of a given due time is created, so a test can advance
/// the clock exactly when the SDK has started waiting (a retry delay) instead of guessing, and never sleeps.
/// </summary>
internal sealed class SignallingTimeProvider : FakeTimeProvider
{
    private readonly TimeSpan _watched;
    private readonly TaskCompletionSource<bool> _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SignallingTimeProvider(TimeSpan watchedDueTime)
        : base(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)) => _watched = watchedDueTime;

    /// <summary>Gets a task that completes when a timer with the watched due time exists.</summary>
    public Task WatchedTimerCreated => _created.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime == _watched)
        {
            _created.TrySetResult(true);
        }

        return timer;
    }
}
