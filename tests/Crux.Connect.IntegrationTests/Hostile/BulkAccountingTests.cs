using System.Collections.Concurrent;

namespace Crux.Connect.IntegrationTests.Hostile;

/// <summary>Whatever ends a bulk run, every user is accounted for exactly once: succeeded, failed (with its exception) or not attempted.</summary>
public sealed class BulkAccountingTests
{
    private static readonly Guid[] Users = Enumerable.Range(1, 300).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();

    [Theory]
    [InlineData(40)]
    [InlineData(150)]
    public async Task CancelledMidRun_EveryUserIsSucceededFailedOrPendingExactlyOnce(int cancelAfter)
    {
        // Deterministic whatever the machine's speed: users 1..cancelAfter are answered at once (every one whose number ends in 3
        // or 7 with a 404), every later user is held until the run is cancelled, and the cancellation comes when the progress
        // handler has seen all cancelAfter users finish. So the outcome of every user is known before the run starts.
        var changed = new ConcurrentDictionary<Guid, bool>();
        using var cancel = new CancellationTokenSource();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            Guid user = Guid.Parse(context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1]);
            if (Number(user) > cancelAfter)
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }

            bool fails = Fails(user);
            if (!fails)
            {
                changed[user] = true;
            }

            await Hostile.WriteAsync(context, fails ? 404 : 204, fails ? """{"detail":"Not found."}""" : string.Empty);
        });
        CruxClient client = Hostile.Client(server.BaseAddress);
        var progress = new CancelWhenCompleted(cancelAfter, cancel);

        var exception = await Assert.ThrowsAsync<CruxBulkCanceledException>(() =>
            client.OrganizationUsers.RemovePermissionsFromUsersAsync(Users, Hostile.Permissions, new CruxBulkOptions { MaxConcurrency = 8 }, progress, cancel.Token));

        Guid[] answered = Users.Where(u => Number(u) <= cancelAfter).ToArray();
        Assert.Equal(answered.Where(u => !Fails(u)).Order(), exception.SucceededUserUuids.Order());
        Assert.Equal(answered.Where(Fails).Order(), exception.FailedUsers.Keys.Order());
        Assert.Equal(Users.Where(u => Number(u) > cancelAfter).Order(), exception.PendingUserUuids.Order());
        Assert.All(exception.FailedUsers.Values, e => Assert.IsType<CruxNotFoundException>(e));
        Assert.Equal(answered.Length, exception.GetCompletedOutcomes<RemovePermissionsResult>().Count);
        Assert.Equal(answered.Where(u => !Fails(u)).Order(), changed.Keys.Order());

        static int Number(Guid user) => BitConverter.ToInt32(user.ToByteArray(), 0);

        static bool Fails(Guid user) => Number(user) % 10 is 3 or 7;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(25)]
    public async Task ProgressHandlerThrows_TheRunGoesOnAndReportsEveryUser(int throwAt)
    {
        int changes = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref changes);
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        CruxClient client = Hostile.Client(server.BaseAddress);
        var progress = new ThrowingProgress(throwAt);

        CruxBulkResult<AddPermissionsResult> result = await client.OrganizationUsers.AddPermissionsToUsersAsync(
            Users.Take(100), Hostile.Permissions, new CruxBulkOptions { MaxConcurrency = 8 }, progress);

        Assert.Equal(100, result.Outcomes.Count);
        Assert.Equal(100, result.Succeeded);
        Assert.Equal(100, Volatile.Read(ref changes));
        Assert.IsType<InvalidOperationException>(result.ProgressException);
        Assert.Equal(throwAt + 1, progress.Calls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ByNameCancelledBeforeOrDuringTheCatalogRead_IsBulkCanceledWithEveryUserPending(bool before)
    {
        using var cancel = new CancellationTokenSource();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            cancel.Cancel();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        if (before)
        {
            cancel.Cancel();
        }

        CruxClient client = Hostile.Client(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CruxBulkCanceledException>(() =>
            client.OrganizationUsers.RemovePermissionsFromUsersAsync(Users.Take(10), [CruxPermissionNames.EditOrgUsers], cancellationToken: cancel.Token));

        Assert.Equal(Users.Take(10), exception.PendingUserUuids);
        Assert.Empty(exception.SucceededUserUuids);
        Assert.Empty(exception.FailedUsers);
    }

    /// <summary>Cancels the run once <paramref name="completed"/> users have finished; from another thread, because the
    /// handler is called under the runner's progress lock and cancelling runs the in-flight requests' callbacks.</summary>
    private sealed class CancelWhenCompleted(int completed, CancellationTokenSource cancel) : IProgress<CruxBulkProgress>
    {
        public void Report(CruxBulkProgress value)
        {
            if (value.Completed == completed)
            {
                _ = Task.Run(cancel.Cancel);
            }
        }
    }

    private sealed class ThrowingProgress(int throwAt) : IProgress<CruxBulkProgress>
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void Report(CruxBulkProgress value)
        {
            if (Interlocked.Increment(ref _calls) - 1 == throwAt)
            {
                throw new InvalidOperationException("the progress bar broke");
            }
        }
    }
}
