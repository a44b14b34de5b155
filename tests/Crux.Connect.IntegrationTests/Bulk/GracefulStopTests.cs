using Crux.Connect.Testing;

namespace Crux.Connect.IntegrationTests.Bulk;

/// <summary>
/// Issue 21, "Graceful": <see cref="CruxBulkOptions.StopToken"/> starts no new user and lets those in flight finish (a set
/// whose DELETE went out sends its PATCH); the cancellation token abandons them. Either way every user is in exactly one
/// typed state, and the server's state agrees with it. Over loopback Kestrel.
/// </summary>
public sealed class GracefulStopTests
{
    private static readonly string[] Buyer = ["view_org_users", "view_order", "create_order", "edit_inventory_lists"];
    private static readonly string[] Viewer = ["view_org_users", "view_order", "export_order", "view_inventory_lists"];

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4, 1)]
    [InlineData(8, 5)]
    [InlineData(16, 20)]
    public async Task ApplyPermissionChangesAsync_StoppedAfterADelete_InFlightUsersFinishAndTheRestAreNotStarted(int concurrency, int afterDeletes)
    {
        using var stop = new CancellationTokenSource();
        int deletes = 0;
        await using var roles = await SimulatorHarness.StartAsync(Door.Http, onAnswer: (request, response) =>
        {
            if (request.Method == HttpMethod.Delete && Interlocked.Increment(ref deletes) == afterDeletes)
            {
                stop.Cancel();
            }
        });
        (PermissionChangePlan plan, IReadOnlyList<SimulatedUser> team) = await PlanAsync(roles, 60);

        var exception = await Assert.ThrowsAsync<CruxBulkCanceledException>(() =>
            roles.Users.ApplyPermissionChangesAsync(plan, new CruxBulkOptions { MaxConcurrency = concurrency, StopToken = stop.Token }));

        Assert.True(exception.StopRequested);
        Assert.Equal(stop.Token, exception.CancellationToken);
        Assert.Empty(exception.AbandonedUserUuids);
        Assert.Empty(exception.FailedUsers);
        Assert.InRange(exception.SucceededUserUuids.Count, afterDeletes, afterDeletes + concurrency);
        AssertEachUserOnce(exception, team);

        // What the exception says is what the server holds: done users exactly at the new set, the others untouched. None half-done.
        foreach (SimulatedUser user in team)
        {
            string[] expected = exception.GetUserState(user.Uuid) == CruxBulkUserState.Succeeded ? Viewer : Buyer;
            Assert.Equal(expected.Order(), roles.Simulator.GetAssignedPermissionNames(user.Uuid).Order());
        }
    }

    [Fact]
    public async Task ApplyPermissionChangesAsync_StoppedBeforeTheRun_NothingIsSentAndEveryUserIsNotStarted()
    {
        await using var roles = await SimulatorHarness.StartAsync(Door.Http);
        (PermissionChangePlan plan, IReadOnlyList<SimulatedUser> team) = await PlanAsync(roles, 10);
        roles.Simulator.Requests.Clear();

        var exception = await Assert.ThrowsAsync<CruxBulkCanceledException>(() =>
            roles.Users.ApplyPermissionChangesAsync(plan, new CruxBulkOptions { StopToken = new CancellationToken(true) }));

        Assert.True(exception.StopRequested);
        Assert.Equal(team.Select(u => u.Uuid), exception.NotStartedUserUuids);
        Assert.Empty(roles.Simulator.Requests);
        Assert.All(team, u => Assert.Equal(CruxBulkUserState.NotStarted, exception.GetUserState(u.Uuid)));
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(8, 6)]
    public async Task ApplyPermissionChangesAsync_CancelledAfterADelete_InFlightUsersAreAbandonedAndEveryUserIsAccountedOnce(int concurrency, int afterDeletes)
    {
        using var cancel = new CancellationTokenSource();
        int deletes = 0;
        await using var roles = await SimulatorHarness.StartAsync(Door.Http, onAnswer: (request, response) =>
        {
            if (request.Method == HttpMethod.Delete && Interlocked.Increment(ref deletes) == afterDeletes)
            {
                cancel.Cancel();
            }
        });
        (PermissionChangePlan plan, IReadOnlyList<SimulatedUser> team) = await PlanAsync(roles, 60);

        var exception = await Assert.ThrowsAsync<CruxBulkCanceledException>(() =>
            roles.Users.ApplyPermissionChangesAsync(plan, new CruxBulkOptions { MaxConcurrency = concurrency }, cancellationToken: cancel.Token));

        Assert.False(exception.StopRequested);
        Assert.Equal(cancel.Token, exception.CancellationToken);
        Assert.NotEmpty(exception.AbandonedUserUuids); // the user whose DELETE answered was in flight, its PATCH not sent
        AssertEachUserOnce(exception, team);
        foreach (SimulatedUser user in team)
        {
            string[] held = [.. roles.Simulator.GetAssignedPermissionNames(user.Uuid).Order()];
            switch (exception.GetUserState(user.Uuid))
            {
                case CruxBulkUserState.Succeeded:
                    Assert.Equal(Viewer.Order(), held);
                    break;
                case CruxBulkUserState.NotStarted:
                    Assert.Equal(Buyer.Order(), held);
                    break;
                case CruxBulkUserState.Abandoned:
                    break; // may be half-done: applying the plan again completes it
                default:
                    Assert.Fail($"user {user.Uuid} failed: {exception.FailedUsers[user.Uuid]}");
                    break;
            }
        }
    }

    private static void AssertEachUserOnce(CruxBulkCanceledException exception, IReadOnlyList<SimulatedUser> team)
    {
        Guid[] all = [.. exception.SucceededUserUuids, .. exception.FailedUsers.Keys, .. exception.NotStartedUserUuids, .. exception.AbandonedUserUuids];
        Assert.Equal(team.Select(u => u.Uuid).Order(), all.Order());
        Assert.Equal(exception.NotStartedUserUuids.Concat(exception.AbandonedUserUuids).Order(), exception.PendingUserUuids.Order());
        Assert.Equal(exception.SucceededUserUuids.Count + exception.FailedUsers.Count, exception.Progress.Completed);
        Assert.All(exception.GetCompletedOutcomes<AppliedPermissionChange>(), o => Assert.Equal(o.IsSuccess ? CruxBulkUserState.Succeeded : CruxBulkUserState.Failed, o.State));
    }

    private static async Task<(PermissionChangePlan Plan, IReadOnlyList<SimulatedUser> Team)> PlanAsync(SimulatorHarness roles, int count)
    {
        CruxSimulator sim = roles.Simulator;
        IReadOnlyList<SimulatedUser> team = sim.AddUsers(sim.Retailer, count, Buyer);
        Guid[] viewer = [.. Viewer.Select(sim.PermissionUuid)];
        PermissionChangePlan plan = await roles.Users.PlanPermissionChangesAsync(team.ToDictionary(u => u.Uuid, _ => (IEnumerable<Guid>)viewer));
        return (plan, team);
    }
}
