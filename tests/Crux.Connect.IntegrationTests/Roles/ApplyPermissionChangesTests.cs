using System.Net;
using Crux.Connect.Testing;

namespace Crux.Connect.IntegrationTests.Roles;

public sealed class ApplyPermissionChangesTests
{
    // A team moves from buyer to viewer: two permissions go, two come, two stay.
    internal static readonly string[] Buyer = ["view_org_users", "view_order", "create_order", "edit_inventory_lists"];
    internal static readonly string[] Viewer = ["view_org_users", "view_order", "export_order", "view_inventory_lists"];

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task ApplyPermissionChangesAsync_StateChangedSinceThePlan_BringsEveryUserToTheDesiredSetAndSaysWhoDrifted(Door door)
    {
        await using var roles = await SimulatorHarness.StartAsync(door);
        var sim = roles.Simulator;
        IReadOnlyList<SimulatedUser> team = sim.AddUsers(sim.Retailer, 4, Buyer);
        PermissionChangePlan plan = PermissionChangePlan.FromJson(
            (await roles.Users.PlanPermissionChangesAsync(team.ToDictionary(u => u.Uuid, _ => (IEnumerable<string>)Viewer))).ToJson());
        sim.Assign(team[0].Uuid, "cancel_order", "export_order");   // more to remove, less to add
        sim.Unassign(team[1].Uuid, "create_order", "edit_inventory_lists");  // nothing left to remove
        sim.Assign(team[2].Uuid, "view_inventory_lists");            // less to add
        sim.Requests.Clear();

        CruxBulkResult<AppliedPermissionChange> result = await roles.Users.ApplyPermissionChangesAsync(plan);

        Assert.Equal([true, true, true, false], result.Outcomes.Select(o => o.Result!.Drifted));
        Assert.All(team, u => Assert.Equal(Viewer.Order(), sim.GetAssignedPermissionNames(u.Uuid).Order()));
        AppliedPermissionChange first = result.Outcomes[0].Result!;
        Assert.Equal(["cancel_order", "create_order", "edit_inventory_lists"], first.Result.Removed.Select(p => p.Name));
        Assert.Equal(["view_inventory_lists"], first.Result.Added.Select(p => p.Name));
        Assert.Equal(["create_order", "edit_inventory_lists"], first.Planned.ToRemove.Select(p => p.Name));
        Assert.Empty(result.Outcomes[1].Result!.Result.Removed);
        Assert.Contains("(drifted since the plan)", first.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("drifted", result.Outcomes[3].Result!.ToString(), StringComparison.Ordinal);

        // Team member 1 only needed additions; everyone's read came before their changes.
        Assert.Equal(4, sim.Requests.Snapshot().Count(r => r.Method == "GET"));
        Assert.Equal(3, sim.Requests.Snapshot().Count(r => r.Method == "DELETE"));
        Assert.Equal(4, sim.Requests.Snapshot().Count(r => r.Method == "PATCH"));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task ApplyPermissionChangesAsync_CancelledMidway_AccountsForEveryUserAndARerunOfThePendingCompletes(Door door)
    {
        const int userCount = 300;
        // The simulator's clock stands still until the first 429: the limit bites however slow the machine is.
        var clock = new StillUntilTrippedClock();
        await using var roles = await SimulatorHarness.StartAsync(new CruxSimulator(new CruxSimulatorOptions { TimeProvider = clock }), door);
        var sim = roles.Simulator;
        clock.Tripped = () => sim.Faults.RateLimitedCount > 0;
        IReadOnlyList<SimulatedUser> team = sim.AddUsers(sim.Retailer, userCount, Buyer);
        PermissionChangePlan plan = await roles.Users.PlanPermissionChangesAsync(team.ToDictionary(u => u.Uuid, _ => (IEnumerable<string>)Viewer));
        using var cancellation = new CancellationTokenSource();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Completed >= 100)
            {
                cancellation.Cancel();
            }
        });

        var canceled = await Assert.ThrowsAsync<CruxBulkCanceledException>(() =>
            roles.Users.ApplyPermissionChangesAsync(plan, new CruxBulkOptions { MaxConcurrency = 8 }, progress, cancellation.Token));

        // Every user is either done (and exactly as desired) or pending; none is both, none is neither.
        var pending = canceled.PendingUserUuids.ToHashSet();
        Assert.Equal(canceled.PendingUserUuids.Count, pending.Count);
        Assert.Equal(userCount, canceled.Progress.Total);
        Assert.Equal(userCount, canceled.Progress.Completed + pending.Count);
        Assert.InRange(canceled.Progress.Completed, 100, userCount - 1);
        Assert.Equal(0, canceled.Progress.Failed);
        Assert.All(team.Where(u => !pending.Contains(u.Uuid)), u => Assert.Equal(Viewer.Order(), sim.GetAssignedPermissionNames(u.Uuid).Order()));

        // A pending user is untouched, or part-way with fewer permissions than either role, never more.
        Assert.All(team.Where(u => pending.Contains(u.Uuid)), u => Assert.Subset(Buyer.Union(Viewer).ToHashSet(), sim.GetAssignedPermissionNames(u.Uuid).ToHashSet()));

        var rest = new PermissionChangePlan([.. plan.Users.Where(u => pending.Contains(u.UserUuid))], [], plan.CreatedAt);
        CruxBulkResult<AppliedPermissionChange> completed = await roles.Users.ApplyPermissionChangesAsync(rest);
        Assert.Equal(pending.Count, completed.Succeeded);
        Assert.All(team, u => Assert.Equal(Viewer.Order(), sim.GetAssignedPermissionNames(u.Uuid).Order()));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task ApplyPermissionChangesAsync_PatchRefusedAfterTheDelete_OutcomeIsPartialAndApplyingAgainConverges(Door door)
    {
        var sim = new CruxSimulator();
        // Not transient: the runner does not try again.
        await using var roles = await SimulatorHarness.StartAsync(
            sim, door, onAnswer: SimulatorHarness.AfterFirst("DELETE", () => sim.Faults.FailNext(1, HttpStatusCode.Forbidden)));
        IReadOnlyList<SimulatedUser> team = sim.AddUsers(sim.Retailer, 3, Buyer);
        PermissionChangePlan plan = await roles.Users.PlanPermissionChangesAsync(team.ToDictionary(u => u.Uuid, _ => (IEnumerable<string>)Viewer));
        var oneAtATime = new CruxBulkOptions { MaxConcurrency = 1 };

        CruxBulkResult<AppliedPermissionChange> result = await roles.Users.ApplyPermissionChangesAsync(plan, oneAtATime);

        CruxBulkOutcome<AppliedPermissionChange> failure = Assert.Single(result.Failures);
        Assert.Equal(team[0].Uuid, failure.UserUuid);
        var partial = Assert.IsType<CruxPartialPermissionChangeException>(failure.Exception);
        Assert.Equal(["create_order", "edit_inventory_lists"], partial.Removed.Select(p => p.Name));
        Assert.Equal(["export_order", "view_inventory_lists"], partial.NotAdded.Select(p => p.Name).Order());
        Assert.IsType<CruxPermissionDeniedException>(partial.InnerException);
        Assert.Equal(["view_org_users", "view_order"], sim.GetAssignedPermissionNames(team[0].Uuid));

        CruxBulkResult<AppliedPermissionChange> again = await roles.Users.ApplyPermissionChangesAsync(plan, oneAtATime);

        Assert.Equal(3, again.Succeeded);
        Assert.True(again.Outcomes[0].Result!.Drifted);   // what was left to do differs from the plan: the removal had been done
        Assert.Empty(again.Outcomes[0].Result!.Result.Removed);
        Assert.All(team, u => Assert.Equal(Viewer.Order(), sim.GetAssignedPermissionNames(u.Uuid).Order()));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task ApplyPermissionChangesAsync_PatchAnswerLost_TriedAgainFromAReadAndStillReportedAsPlanned(Door door)
    {
        var sim = new CruxSimulator();
        // The first PATCH reached the server and changed the user; its answer never reaches the SDK.
        await using var roles = await SimulatorHarness.StartAsync(
            sim, door, onAnswer: SimulatorHarness.AfterFirst("PATCH", () => throw new HttpRequestException("The connection was reset after the request was sent.")));
        IReadOnlyList<SimulatedUser> team = sim.AddUsers(sim.Retailer, 2, Buyer);
        PermissionChangePlan plan = await roles.Users.PlanPermissionChangesAsync(team.ToDictionary(u => u.Uuid, _ => (IEnumerable<string>)Viewer));

        CruxBulkResult<AppliedPermissionChange> result = await roles.Users.ApplyPermissionChangesAsync(plan, new CruxBulkOptions { MaxConcurrency = 1 });

        Assert.Equal(2, result.Succeeded);
        Assert.Equal(1, result.Retries);
        AppliedPermissionChange first = result.Outcomes[0].Result!;
        Assert.False(first.Drifted);
        Assert.Equal(["create_order", "edit_inventory_lists"], first.Result.Removed.Select(p => p.Name));
        Assert.Equal(["export_order", "view_inventory_lists"], first.Result.Added.Select(p => p.Name).Order());
        Assert.Equal(["view_org_users", "view_order"], first.Result.Unchanged.Select(p => p.Name));
        Assert.All(team, u => Assert.Equal(Viewer.Order(), sim.GetAssignedPermissionNames(u.Uuid).Order()));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task ApplyPermissionChangesAsync_UserProgressAndStopAfterFirstDelete_FinishedUserReportedOnceBeforeItsCountRestNotStarted(Door door)
    {
        var sim = new CruxSimulator();
        using var stop = new CancellationTokenSource();
        // The stop comes once the first user's DELETE is answered: that user's PATCH still goes out, no other user starts.
        await using var roles = await SimulatorHarness.StartAsync(sim, door, onAnswer: SimulatorHarness.AfterFirst("DELETE", stop.Cancel));
        IReadOnlyList<SimulatedUser> team = sim.AddUsers(sim.Retailer, 4, Buyer);
        PermissionChangePlan plan = await roles.Users.PlanPermissionChangesAsync(team.ToDictionary(u => u.Uuid, _ => (IEnumerable<string>)Viewer));
        var reported = new List<(Guid User, bool Success, int CompletedBefore)>();
        CruxBulkProgress? last = null;

        CruxBulkCanceledException canceled = await Assert.ThrowsAsync<CruxBulkCanceledException>(() => roles.Users.ApplyPermissionChangesAsync(
            plan,
            new CruxBulkOptions { MaxConcurrency = 1, StopToken = stop.Token },
            new SynchronousProgress(p => last = p),
            new OutcomeProgress(o => reported.Add((o.UserUuid, o.IsSuccess, last?.Completed ?? -1))),
            CancellationToken.None));

        Assert.Equal([(team[0].Uuid, true, 0)], reported);
        Assert.Equal(1, last!.Completed);
        Assert.True(canceled.StopRequested);
        Assert.Equal(team.Skip(1).Select(u => u.Uuid), canceled.NotStartedUserUuids);
        Assert.Equal(Viewer.Order(), sim.GetAssignedPermissionNames(team[0].Uuid).Order());
        Assert.All(team.Skip(1), u => Assert.Equal(Buyer.Order(), sim.GetAssignedPermissionNames(u.Uuid).Order()));
    }

    [Fact]
    public async Task ApplyPermissionChangesAsync_UserProgressThrows_RunGoesOnAndTheExceptionIsOnTheResult()
    {
        await using var roles = await SimulatorHarness.StartAsync(Door.InMemory);
        IReadOnlyList<SimulatedUser> team = roles.Simulator.AddUsers(roles.Simulator.Retailer, 3, Buyer);
        PermissionChangePlan plan = await roles.Users.PlanPermissionChangesAsync(team.ToDictionary(u => u.Uuid, _ => (IEnumerable<string>)Viewer));
        var broken = new InvalidOperationException("the audit disk is full");
        int calls = 0;

        CruxBulkResult<AppliedPermissionChange> result = await roles.Users.ApplyPermissionChangesAsync(
            plan, new CruxBulkOptions { MaxConcurrency = 1 }, null, new OutcomeProgress(_ => { calls++; throw broken; }), CancellationToken.None);

        Assert.Equal(3, result.Succeeded);
        Assert.Equal(1, calls);
        Assert.Same(broken, result.ProgressException);
    }

    private sealed class OutcomeProgress(Action<CruxBulkOutcome<AppliedPermissionChange>> report) : IProgress<CruxBulkOutcome<AppliedPermissionChange>>
    {
        public void Report(CruxBulkOutcome<AppliedPermissionChange> value) => report(value);
    }

    /// <summary>Unlike <see cref="Progress{T}"/>, reports inline, so the last report is known when the call returns.</summary>
    internal sealed class SynchronousProgress(Action<CruxBulkProgress> report) : IProgress<CruxBulkProgress>
    {
        public void Report(CruxBulkProgress value) => report(value);
    }
}
