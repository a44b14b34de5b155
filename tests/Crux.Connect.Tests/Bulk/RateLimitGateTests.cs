using Crux.Connect.Internal;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.Bulk;

/// <summary>
/// Issue 21: a whole-seconds Retry-After is an upper bound of the server's window, so during a pause one probe (never two
/// in flight) goes early; an answer other than 429 opens the gate for everyone, a 429 only delays the next probe.
/// </summary>
public sealed class RateLimitGateTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _clock = new();

    [Theory]
    [InlineData(1000, 250)]
    [InlineData(2000, 500)]
    [InlineData(400, 100)]
    public async Task WaitAsync_DuringAPause_OneProbeGoesAtAQuarterOfThePause(int pauseMs, int probeMs)
    {
        var gate = new RateLimitGate(_clock);
        Assert.True(gate.Close(TimeSpan.FromMilliseconds(pauseMs)));

        ValueTask<long> probe = gate.WaitAsync(mayProbe: true, CancellationToken.None);
        ValueTask<long> newcomer = gate.WaitAsync(mayProbe: false, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(probeMs - 1));
        Assert.False(probe.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.NotEqual(0, await probe);
        Assert.False(newcomer.IsCompleted);
        Assert.Equal(TimeSpan.FromMilliseconds(pauseMs - probeMs), gate.Remaining());
    }

    [Fact]
    public async Task ProbeAnswered_OpensTheGateForEveryWaiter_AndNoSecondProbeGoesMeanwhile()
    {
        var gate = new RateLimitGate(_clock);
        gate.Close(Second);
        ValueTask<long> first = gate.WaitAsync(mayProbe: true, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(250));
        long probe = await first;

        ValueTask<long> retry = gate.WaitAsync(mayProbe: true, CancellationToken.None);
        ValueTask<long> newcomer = gate.WaitAsync(mayProbe: false, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.False(retry.IsCompleted); // the probe is still in flight: not a second one
        Assert.False(newcomer.IsCompleted);
        Assert.Equal(1, gate.Probes);

        gate.ProbeAnswered(probe);

        Assert.Equal(0, await retry);
        Assert.Equal(0, await newcomer);
        Assert.Equal(TimeSpan.Zero, gate.Remaining());
    }

    [Fact]
    public async Task Close_WithTheProbe_DoesNotExtendThePause_AndTheNextProbeWaitsTwiceAsLongSinceItBegan()
    {
        var gate = new RateLimitGate(_clock);
        gate.Close(Second);
        ValueTask<long> first = gate.WaitAsync(mayProbe: true, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(250));
        long probe = await first;

        Assert.False(gate.Close(Second, probe)); // "Retry-After: 1" again
        Assert.Equal(TimeSpan.FromMilliseconds(750), gate.Remaining());

        ValueTask<long> second = gate.WaitAsync(mayProbe: true, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1)); // 500 ms since the pause began
        long again = await second;
        Assert.NotEqual(0, again);

        // Its 429 too: the next probe would be at 1 s, when the pause ends anyway; everyone goes then, not as a probe.
        gate.Close(Second, again);
        ValueTask<long> third = gate.WaitAsync(mayProbe: true, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await third);
        Assert.Equal(2, gate.Probes);
    }

    [Fact]
    public async Task Close_ByAnotherCall_ExtendsThePause()
    {
        var gate = new RateLimitGate(_clock);
        gate.Close(Second);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(gate.Close(Second)); // a request in flight when the pause began: same pause, later end
        Assert.Equal(Second, gate.Remaining());

        ValueTask<long> newcomer = gate.WaitAsync(mayProbe: false, CancellationToken.None);
        _clock.Advance(Second);
        Assert.Equal(0, await newcomer);
    }

    [Fact]
    public async Task ProbeLost_LetsAnotherAttemptProbeAtOnce()
    {
        var gate = new RateLimitGate(_clock);
        gate.Close(Second);
        ValueTask<long> first = gate.WaitAsync(mayProbe: true, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(250));
        long probe = await first;
        ValueTask<long> other = gate.WaitAsync(mayProbe: true, CancellationToken.None);
        Assert.False(other.IsCompleted);

        gate.ProbeLost(probe);

        Assert.NotEqual(0, await other);
        Assert.True(gate.Remaining() > TimeSpan.Zero);
    }

    [Fact]
    public async Task ProbeAnswered_OfAnEndedPause_ChangesNothing()
    {
        var gate = new RateLimitGate(_clock);
        gate.Close(Second);
        ValueTask<long> first = gate.WaitAsync(mayProbe: true, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(250));
        long old = await first;
        _clock.Advance(Second);
        gate.Close(Second); // a new pause

        gate.ProbeAnswered(old);

        Assert.Equal(Second, gate.Remaining());
    }

    [Fact]
    public async Task Close_ANewPause_ProbesEarlierAfterAPauseItsFirstProbeEnded_DownToOneSixtyFourth()
    {
        var gate = new RateLimitGate(_clock);
        foreach (int ms in (int[])[320, 160, 80, 40, 20, 20])
        {
            gate.Close(TimeSpan.FromMilliseconds(1280));
            gate.ProbeAnswered(await ProbeAtAsync(gate, ms)); // the window was open again: the pause ends
        }
    }

    [Fact]
    public async Task Close_ANewPause_ProbesLaterAfterAPauseNoProbeEnded_UpToHalf()
    {
        // A server that means its Retry-After: every probe is answered 429 and each pause lasts what it said.
        var gate = new RateLimitGate(_clock);
        gate.Close(Second);
        gate.Close(Second, await ProbeAtAsync(gate, 250));
        gate.Close(Second, await ProbeAtAsync(gate, 250)); // 500 ms since the pause began
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(2, gate.Probes); // two extra 429s in this pause, and no burst: one at a time

        foreach (int ms in (int[])[500, 500])
        {
            Assert.True(gate.Close(Second));
            gate.Close(Second, await ProbeAtAsync(gate, ms));
            _clock.Advance(Second - TimeSpan.FromMilliseconds(ms)); // the next probe would be at the pause's end
        }

        Assert.Equal(4, gate.Probes); // then one extra 429 per pause
    }

    /// <summary>Asserts the pause's probe may go <paramref name="ms"/> from now on the fake clock, not a millisecond earlier.</summary>
    private async Task<long> ProbeAtAsync(RateLimitGate gate, int ms)
    {
        ValueTask<long> probe = gate.WaitAsync(mayProbe: true, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMilliseconds(ms - 1));
        Assert.False(probe.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        long held = await probe;
        Assert.NotEqual(0, held);
        return held;
    }
}
