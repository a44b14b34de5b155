using Crux.Connect.Internal;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.Internal;

/// <summary>The pooled per-call state and its one cancellation source for both timeouts.</summary>
public class CruxCallStateTests
{
    private static CruxClientSettings Settings(TimeSpan attempt, TimeSpan overall) =>
        CruxClientSettings.Create(new CruxClientOptions { ApiToken = "token", AttemptTimeout = attempt, Timeout = overall }, "options");

    [Fact]
    public void BeginAttempt_AttemptTimeoutShorter_IsTheLimitAndFiresAfterIt()
    {
        var time = new FakeTimeProvider();
        CruxCallState call = CruxCallState.Rent(CallDeadline.Create(time.GetTimestamp(), TimeSpan.FromSeconds(50)), isIdempotent: true, telemetry: null);
        try
        {
            CancellationToken token = call.BeginAttempt(Settings(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(50)), time, default);

            Assert.Equal(TimeSpan.FromSeconds(5), call.AttemptLimit);
            Assert.False(call.AttemptLimitIsOverall);
            time.Advance(TimeSpan.FromSeconds(4.9));
            Assert.False(token.IsCancellationRequested);
            time.Advance(TimeSpan.FromSeconds(0.1));
            Assert.True(token.IsCancellationRequested);
            Assert.True(call.AttemptTimedOut(default));
            call.EndAttempt();
        }
        finally
        {
            CruxCallState.Return(call);
        }
    }

    [Fact]
    public void BeginAttempt_LaterAttempt_GetsOnlyWhatIsLeftOfTheOverallTimeout()
    {
        var time = new FakeTimeProvider();
        CruxCallState call = CruxCallState.Rent(CallDeadline.Create(time.GetTimestamp(), TimeSpan.FromSeconds(50)), isIdempotent: true, telemetry: null);
        try
        {
            CruxClientSettings settings = Settings(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(50));
            call.BeginAttempt(settings, time, default);
            call.EndAttempt();
            time.Advance(TimeSpan.FromSeconds(31));

            CancellationToken token = call.BeginAttempt(settings, time, default);

            Assert.Equal(TimeSpan.FromSeconds(19), call.AttemptLimit);
            Assert.True(call.AttemptLimitIsOverall);
            time.Advance(TimeSpan.FromSeconds(19));
            Assert.True(token.IsCancellationRequested);
            call.EndAttempt();
        }
        finally
        {
            CruxCallState.Return(call);
        }
    }

    [Fact]
    public void BeginAttempt_CallerCancels_CancelsTheAttemptButIsNotATimeout()
    {
        var time = new FakeTimeProvider();
        using var caller = new CancellationTokenSource();
        CruxCallState call = CruxCallState.Rent(CallDeadline.Create(time.GetTimestamp(), TimeSpan.FromSeconds(50)), isIdempotent: true, telemetry: null);
        try
        {
            CancellationToken token = call.BeginAttempt(Settings(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(50)), time, caller.Token);

            caller.Cancel();

            Assert.True(token.IsCancellationRequested);
            Assert.False(call.AttemptTimedOut(caller.Token));
            call.EndAttempt();
        }
        finally
        {
            CruxCallState.Return(call);
        }
    }

    [Fact]
    public void EndAttempt_ThenReused_TheNextAttemptIsNotCancelledByTheOldTimerOrTheOldCaller()
    {
        var time = new FakeTimeProvider();
        using var firstCaller = new CancellationTokenSource();
        CruxCallState first = CruxCallState.Rent(CallDeadline.Create(time.GetTimestamp(), TimeSpan.FromSeconds(100)), isIdempotent: true, telemetry: null);
        first.BeginAttempt(Settings(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(100)), time, firstCaller.Token);
        first.EndAttempt();
        CruxCallState.Return(first);

        CruxCallState second = CruxCallState.Rent(CallDeadline.Create(time.GetTimestamp(), TimeSpan.FromSeconds(100)), isIdempotent: false, telemetry: null);
        try
        {
            Assert.False(second.IsIdempotent);
            CancellationToken token = second.BeginAttempt(Settings(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(100)), time, default);
            firstCaller.Cancel();
            time.Advance(TimeSpan.FromSeconds(1)); // past the first attempt's 50 ms limit, had its timer survived

            Assert.False(token.IsCancellationRequested);
            second.EndAttempt();
        }
        finally
        {
            CruxCallState.Return(second);
        }
    }

    [Fact]
    public void BeginAttempt_NoTimeouts_UsesTheCallersTokenItself()
    {
        using var caller = new CancellationTokenSource();
        CruxCallState call = CruxCallState.Rent(CallDeadline.Create(0, Timeout.InfiniteTimeSpan), isIdempotent: true, telemetry: null);
        try
        {
            CancellationToken token = call.BeginAttempt(Settings(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan), TimeProvider.System, caller.Token);

            Assert.Equal(caller.Token, token);
            call.EndAttempt();
        }
        finally
        {
            CruxCallState.Return(call);
        }
    }
}
