using Crux.Connect.Internal;
using Crux.Connect.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.Roles;

public sealed class UserLocksTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly CruxClientCore _core;

    public UserLocksTests()
    {
        _core = CruxClientCore.Create(
            new CruxClientOptions { ApiToken = Fixtures.Token, Timeout = TimeSpan.FromSeconds(10) }, "options", () => new HttpClient(), null, _clock);
    }

    [Fact]
    public async Task EnterAsync_ManyUsersHeldWaitedTimedOutAndCancelled_LeavesNoLockBehind()
    {
        var locks = new UserLocks();
        Guid[] users = Enumerable.Range(0, 200).Select(_ => Guid.NewGuid()).ToArray();
        foreach (Guid user in users)
        {
            using (await locks.EnterAsync(user, new CruxCallScope(_core), CancellationToken.None))
            {
                Assert.Equal(1, locks.Count);
            }
        }

        Guid shared = users[0];
        IDisposable first = await locks.EnterAsync(shared, new CruxCallScope(_core), CancellationToken.None);
        ValueTask<IDisposable> waiting = locks.EnterAsync(shared, new CruxCallScope(_core), CancellationToken.None);
        ValueTask<IDisposable> timingOut = locks.EnterAsync(shared, new CruxCallScope(_core), CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        ValueTask<IDisposable> cancelled = locks.EnterAsync(shared, new CruxCallScope(_core), cancel.Token);
        Assert.False(waiting.IsCompleted);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await cancelled);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAsync<CruxTimeoutException>(async () => await timingOut);
        await Assert.ThrowsAsync<CruxTimeoutException>(async () => await waiting);
        Assert.Equal(1, locks.Count);
        first.Dispose();

        Assert.Equal(0, locks.Count);
        using (await locks.EnterAsync(shared, new CruxCallScope(_core), CancellationToken.None))
        {
            Assert.Equal(1, locks.Count);
        }

        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task EnterAsync_SecondWaiter_GetsTheLockWhenTheFirstReleases()
    {
        var locks = new UserLocks();
        Guid user = Guid.NewGuid();
        IDisposable first = await locks.EnterAsync(user, new CruxCallScope(_core), CancellationToken.None);
        ValueTask<IDisposable> second = locks.EnterAsync(user, new CruxCallScope(_core), CancellationToken.None);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second).Dispose();

        Assert.Equal(0, locks.Count);
    }
}
