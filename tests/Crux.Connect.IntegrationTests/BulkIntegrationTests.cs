using System.Diagnostics;
using System.Net;
using Crux.Connect.Testing;
using Xunit.Abstractions;

namespace Crux.Connect.IntegrationTests;

public class BulkIntegrationTests
{
    private readonly ITestOutputHelper _output;

    public BulkIntegrationTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task RemovePermissionsFromUsersAsync_TwoThousandUsersRateLimited_EveryUserDoneWithFewRateLimitedAnswers()
    {
        // What counts is how many windows the run spans (about 7: users / permits), over which the workers must pause together,
        // not the number of users: 2,000 users at 300 a window span as many windows as 10,000 at 1,500 (the former figures),
        // with a fifth of the requests to serve.
        const int userCount = 2_000;
        const int permitsPerWindow = 300;
        const int concurrency = 8;
        var window = TimeSpan.FromSeconds(1);
        // The simulator's clock stands still until the first 429: the limit bites however slow the machine is.
        var clock = new StillUntilTrippedClock();
        var simulator = new CruxSimulator(new CruxSimulatorOptions { TimeProvider = clock });
        clock.Tripped = () => simulator.Faults.RateLimitedCount > 0;
        IReadOnlyList<SimulatedUser> users = simulator.AddUsers(simulator.Retailer, userCount, CruxPermissionNames.EditOrgUsers, CruxPermissionNames.ViewOrder);
        using var http = new HttpClient(simulator.CreateHandler());
        var client = new CruxClient(http, new CruxClientOptions { BaseAddress = new Uri("https://simulator.local/"), ApiToken = simulator.RetailerAdmin.Token });
        simulator.Faults.RateLimit(permitsPerWindow, window);
        CruxBulkProgress? last = null;
        var progress = new SynchronousProgress(p => last = p);

        var stopwatch = Stopwatch.StartNew();
        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            users.Select(u => u.Uuid), [CruxPermissionNames.EditOrgUsers], new CruxBulkOptions { MaxConcurrency = concurrency }, progress);
        stopwatch.Stop();

        long served429 = simulator.ResponseCount(HttpStatusCode.TooManyRequests);
        long windows = (long)Math.Ceiling(stopwatch.Elapsed.TotalSeconds / window.TotalSeconds) + 1;
        _output.WriteLine($"users: {userCount}, concurrency: {concurrency}, limit: {permitsPerWindow} per {window.TotalSeconds:0} s");
        _output.WriteLine($"duration: {stopwatch.Elapsed.TotalSeconds:0.00} s, windows: ~{windows}");
        _output.WriteLine($"429s seen by the client: {result.RateLimitedResponses}, answered by the simulator: {served429}, pauses: {result.RateLimitPauses}, retries: {result.Retries}");
        _output.WriteLine($"requests received: {simulator.RequestsReceived}, served: {simulator.RequestsServed}");
        _output.WriteLine(result.ToString());

        // Every user accounted for, once, and the final state is right.
        Assert.Equal(users.Select(u => u.Uuid), result.Outcomes.Select(o => o.UserUuid));
        Assert.Equal(userCount, result.Succeeded);
        Assert.Equal(userCount, last!.Completed);
        Assert.All(users, u => Assert.Equal([CruxPermissionNames.ViewOrder], simulator.GetAssignedPermissionNames(u.Uuid)));

        // The rate limit really bit, and the workers paused together: at most one 429 per worker per window,
        // never one per request beyond the limit.
        Assert.True(served429 > 0, "the rate limit should have answered 429 at least once");
        Assert.Equal(served429, result.RateLimitedResponses);
        Assert.InRange(served429, 1, concurrency * windows);
        Assert.Equal(userCount + 1, simulator.RequestsServed);

    }

    [Fact]
    public async Task RemovePermissionsFromUsersAsync_OverKestrelWithARateLimit_RemovesFromEveryUser()
    {
        var simulator = new CruxSimulator();
        IReadOnlyList<SimulatedUser> users = simulator.AddUsers(simulator.Supplier, 600, CruxPermissionNames.EditOrgUsers, CruxPermissionNames.EditItems);
        users = [.. users, simulator.SupplierMember];
        await using CruxSimulatorServer server = await simulator.StartServerAsync();
        using var http = new HttpClient();
        var client = new CruxClient(http, new CruxClientOptions { BaseAddress = server.BaseAddress, ApiToken = simulator.SupplierAdmin.Token });
        simulator.Faults.RateLimit(250, TimeSpan.FromSeconds(1));

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            users.Select(u => u.Uuid).Append(simulator.RetailerMember.Uuid), [CruxPermissionNames.EditOrgUsers, CruxPermissionNames.ViewOrder],
            new CruxBulkOptions { MaxConcurrency = 8 });
        _output.WriteLine(result.ToString());

        Assert.Equal(users.Count, result.Succeeded);

        // A user of another organization is not found for this caller: one failure, recorded, and the rest went on.
        CruxBulkOutcome<RemovePermissionsResult> failure = Assert.Single(result.Failures);
        Assert.Equal(simulator.RetailerMember.Uuid, failure.UserUuid);
        Assert.IsAssignableFrom<CruxApiException>(failure.Exception);
        Assert.All(users, u => Assert.DoesNotContain(CruxPermissionNames.EditOrgUsers, simulator.GetAssignedPermissionNames(u.Uuid)));
        Assert.All(users.Take(600), u => Assert.Equal([CruxPermissionNames.EditItems], simulator.GetAssignedPermissionNames(u.Uuid)));
    }

    /// <summary>Unlike <see cref="Progress{T}"/>, reports inline, so the last report is known when the call returns.</summary>
    private sealed class SynchronousProgress(Action<CruxBulkProgress> report) : IProgress<CruxBulkProgress>
    {
        public void Report(CruxBulkProgress value) => report(value);
    }
}
