using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Testing.Tests.Support;

public static class FakeClock
{
    /// <summary>Advances fake time in steps until the task completes; returns how much fake time that took.
    /// Spins (no sleep) until the simulator has the request, so the delay timer is armed on the fake clock.</summary>
    public static async Task<TimeSpan> AdvanceUntilAsync(FakeTimeProvider time, CruxSimulator sim, long receivedBefore, Task task, TimeSpan step)
    {
        Assert.True(SpinWait.SpinUntil(() => sim.RequestsReceived > receivedBefore, TimeSpan.FromSeconds(10)), "the request never reached the simulator");
        var start = time.GetUtcNow();
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            time.Advance(step);
            await Task.Yield();
            SpinWait.SpinUntil(() => task.IsCompleted, TimeSpan.FromMilliseconds(1));
        }

        Assert.True(task.IsCompleted, "the request never completed");
        return time.GetUtcNow() - start;
    }
}
