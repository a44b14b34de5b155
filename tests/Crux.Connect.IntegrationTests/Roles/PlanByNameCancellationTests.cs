namespace Crux.Connect.IntegrationTests.Roles;

/// <summary>Issue 19 ("Smaller"): a by-name plan cancelled while the catalog is read says so as the bulk calls do.</summary>
public sealed class PlanByNameCancellationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(40)]
    public async Task PlanByName_CancelledWhileTheCatalogIsRead_RaisesCruxBulkCanceledExceptionWithEveryUserPending(int userCount)
    {
        using var cancel = new CancellationTokenSource();
        await using RawHttpServer server = RawHttpServer.Start(async (request, stream, ct) =>
        {
            // The catalog read is under way: cancel, and never answer.
            cancel.Cancel();
            await Task.Delay(Timeout.Infinite, ct);
        });
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);
        Guid[] users = Enumerable.Range(1, userCount).Select(i => new Guid(i, 2, 2, new byte[8])).ToArray();
        var desired = users.ToDictionary(u => u, _ => (IEnumerable<string>)["view_order"]);

        var exception = await Assert.ThrowsAsync<CruxBulkCanceledException>(
            () => client.OrganizationUsers.PlanPermissionChangesAsync(desired, cancellationToken: cancel.Token));

        Assert.Equal(users, exception.PendingUserUuids);
        Assert.Empty(exception.SucceededUserUuids);
        Assert.Empty(exception.FailedUsers);
        Assert.Equal(cancel.Token, exception.CancellationToken);
        Assert.All(server.Requests, r => Assert.Contains("all_permissions", r.Target, StringComparison.Ordinal));
    }
}
