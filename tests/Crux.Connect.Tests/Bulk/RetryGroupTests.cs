using Crux.Connect.Internal;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.Bulk;

/// <summary>Issue 21: retries go before newcomers, and the users in flight adapt (halved by a pause, grown back after it).</summary>
public sealed class RetryGroupTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task StartUserAsync_WhileARateLimitedRetryIsPending_WaitsUntilItStarts()
    {
        var group = new RetryGroup(_clock, maxRateLimitRetries: 10, maxConcurrency: 4);
        group.RetryPending();
        group.RetryPending();

        Task start = group.StartUserAsync(CancellationToken.None);
        Assert.False(start.IsCompleted);
        group.RetryStarted();
        Assert.False(start.IsCompleted);
        group.RetryStarted();

        await start;
    }

    [Fact]
    public async Task StartUserAsync_DuringAPause_WaitsForTheGateThenForAFreePlace()
    {
        var group = new RetryGroup(_clock, maxRateLimitRetries: 10, maxConcurrency: 2);
        await group.StartUserAsync(CancellationToken.None);
        group.RateLimited(TimeSpan.FromSeconds(1)); // limit 2 -> 1, and one user is in flight

        Task start = group.StartUserAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(start.IsCompleted);
        group.UserDone();

        await start;
    }

    [Theory]
    [InlineData(64, new[] { 32, 16, 8, 4, 2, 1, 1 })]
    [InlineData(4, new[] { 2, 1, 1 })]
    public void RateLimited_EachNewPause_HalvesTheLimitDownToOne(int max, int[] after)
    {
        var group = new RetryGroup(_clock, 10, max);
        foreach (int expected in after)
        {
            group.RateLimited(TimeSpan.FromSeconds(1));
            group.RateLimited(TimeSpan.FromSeconds(1)); // the same pause: no second halving
            Assert.Equal(expected, group.Limit);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public async Task UserDone_WithoutAPause_GrowsTheLimitBackByAboutOnePerRound()
    {
        var group = new RetryGroup(_clock, 10, 8);
        await group.StartUserAsync(CancellationToken.None);
        group.RateLimited(TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));
        group.RateLimited(TimeSpan.FromSeconds(1));
        Assert.Equal(2, group.Limit);

        // While paused, finishing users does not grow it.
        group.UserDone();
        Assert.Equal(2, group.Limit);

        _clock.Advance(TimeSpan.FromSeconds(1));
        int done = 0;
        while (group.Limit < 8)
        {
            await group.StartUserAsync(CancellationToken.None);
            group.UserDone();
            done++;
        }

        // From 2 to 8 by 1/limit per user: 2 + 3 + ... about 2*(2+3+4+5+6+7) users, never one per user.
        Assert.InRange(done, 20, 60);
    }
}
