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
        var changed = new ConcurrentDictionary<string, bool>();
        using var cancel = new CancellationTokenSource();
        int answered = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            if (Interlocked.Increment(ref answered) == cancelAfter)
            {
                cancel.Cancel();
            }

            string user = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];
            bool fails = user.EndsWith('7') || user.Replace("-", string.Empty, StringComparison.Ordinal).StartsWith("0000000", StringComparison.Ordinal) && user[7] is '3';
            if (!fails)
            {
                changed[user] = true;
            }

            await Hostile.WriteAsync(context, fails ? 404 : 204, fails ? """{"detail":"Not found."}""" : string.Empty);
        });
        CruxClient client = Hostile.Client(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CruxBulkCanceledException>(() =>
            client.OrganizationUsers.RemovePermissionsFromUsersAsync(Users, Hostile.Permissions, new CruxBulkOptions { MaxConcurrency = 8 }, cancellationToken: cancel.Token));

        Guid[] all = exception.SucceededUserUuids.Concat(exception.FailedUsers.Keys).Concat(exception.PendingUserUuids).ToArray();
        Assert.Equal(Users.Length, all.Length);
        Assert.Equal(Users.OrderBy(u => u), all.OrderBy(u => u));
        Assert.NotEmpty(exception.FailedUsers);
        Assert.All(exception.FailedUsers.Values, e => Assert.IsType<CruxNotFoundException>(e));
        Assert.Equal(exception.SucceededUserUuids.Count + exception.FailedUsers.Count, exception.GetCompletedOutcomes<RemovePermissionsResult>().Count);
        Assert.All(exception.SucceededUserUuids, u => Assert.True(changed.ContainsKey(u.ToString("D"))));
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
