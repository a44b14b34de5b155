using System.Diagnostics;
using System.Net;
using Crux.Connect.Testing;
using Xunit.Abstractions;
using SynchronousProgress = Crux.Connect.IntegrationTests.Roles.ApplyPermissionChangesTests.SynchronousProgress;

namespace Crux.Connect.IntegrationTests.Roles;

/// <summary>
/// A thousand users from buyer to viewer under a rate limit, through both doors: the longest runs of
/// <see cref="ApplyPermissionChangesTests"/>, in a class of their own (an xunit collection) so that they overlap with the
/// other classes instead of adding to them.
/// </summary>
public sealed class ApplyPermissionChangesRateLimitedTests
{
    private static readonly string[] Buyer = ApplyPermissionChangesTests.Buyer;
    private static readonly string[] Viewer = ApplyPermissionChangesTests.Viewer;

    private readonly ITestOutputHelper _output;

    public ApplyPermissionChangesRateLimitedTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task ApplyPermissionChangesAsync_ThousandUsersRateLimited_EveryUserEndsWithExactlyTheDesiredSet(Door door)
    {
        const int userCount = 1_000;
        // The simulator's clock stands still until the first 429: the limit bites however slow the machine is.
        var clock = new StillUntilTrippedClock();
        await using var roles = await SimulatorHarness.StartAsync(new CruxSimulator(new CruxSimulatorOptions { TimeProvider = clock }), door);
        var sim = roles.Simulator;
        clock.Tripped = () => sim.Faults.RateLimitedCount > 0;
        IReadOnlyList<SimulatedUser> team = sim.AddUsers(sim.Retailer, userCount, Buyer);
        Guid[] viewer = [.. Viewer.Select(sim.PermissionUuid)];
        var options = new CruxBulkOptions { MaxConcurrency = 8, MaxRateLimitRetries = 100 };
        PermissionChangePlan plan = await roles.Users.PlanPermissionChangesAsync(team.ToDictionary(u => u.Uuid, _ => (IEnumerable<Guid>)viewer), options);
        Assert.Equal((userCount, 2 * userCount, 2 * userCount), (plan.UsersToChange, plan.RemovalCount, plan.AdditionCount));

        // Between the plan and its application, one user in ten changes: an extra permission, or one of those planned to go already gone.
        var drifting = new HashSet<Guid>();
        for (int i = 0; i < userCount; i += 10)
        {
            if (i % 20 == 0)
            {
                sim.Assign(team[i].Uuid, "cancel_order");
            }
            else
            {
                sim.Unassign(team[i].Uuid, "create_order");
            }

            drifting.Add(team[i].Uuid);
        }

        sim.Requests.Clear();
        long received = sim.RequestsReceived;
        long tooMany = sim.ResponseCount(HttpStatusCode.TooManyRequests);
        sim.Faults.RateLimit(150, TimeSpan.FromMilliseconds(200));   // 750 requests a second; the run needs about 3,000
        CruxBulkProgress? last = null;
        var stopwatch = Stopwatch.StartNew();

        CruxBulkResult<AppliedPermissionChange> result = await roles.Users.ApplyPermissionChangesAsync(plan, options, new SynchronousProgress(p => last = p));

        stopwatch.Stop();
        long requests = sim.RequestsReceived - received;
        long served429 = sim.ResponseCount(HttpStatusCode.TooManyRequests) - tooMany;
        int drifted = result.Outcomes.Count(o => o.Result!.Drifted);
        _output.WriteLine($"door: {door}; users: {userCount}; concurrency: {options.MaxConcurrency}; limit: 150 per 200 ms");
        _output.WriteLine($"duration: {stopwatch.Elapsed.TotalSeconds:0.00} s; requests: {requests} ({sim.Requests.Snapshot().Count(r => r.Method == "GET")} GET, " +
            $"{sim.Requests.Snapshot().Count(r => r.Method == "DELETE")} DELETE, {sim.Requests.Snapshot().Count(r => r.Method == "PATCH")} PATCH); " +
            $"429s: {served429} (client saw {result.RateLimitedResponses}, {result.RateLimitPauses} pauses, {result.Retries} retries); drifted users: {drifted}");
        _output.WriteLine(result.ToString());

        Assert.Equal(team.Select(u => u.Uuid), result.Outcomes.Select(o => o.UserUuid));
        Assert.Equal(userCount, result.Succeeded);
        Assert.Equal(userCount, last!.Completed);
        Assert.All(team, u => Assert.Equal(Viewer.Order(), sim.GetAssignedPermissionNames(u.Uuid).Order()));
        Assert.Equal(drifting.Order(), result.Outcomes.Where(o => o.Result!.Drifted).Select(o => o.UserUuid).Order());
        Assert.True(served429 > 0, "the rate limit should have answered 429 at least once");
        Assert.Equal(served429, result.RateLimitedResponses);

        // Applying the same plan again changes nothing: one GET per user, no DELETE, no PATCH.
        sim.Faults.Clear();
        sim.Requests.Clear();
        CruxBulkResult<AppliedPermissionChange> again = await roles.Users.ApplyPermissionChangesAsync(plan, options);
        Assert.All(again.Outcomes, o => Assert.False(o.Result!.Result.Changed));
        Assert.Equal(userCount, sim.Requests.Count);
        Assert.All(sim.Requests.Snapshot(), r => Assert.Equal("GET", r.Method));
    }
}
