using System.Diagnostics;
using System.Net;
using Crux.Connect.Testing;
using Xunit.Abstractions;

namespace Crux.Connect.IntegrationTests.Bulk;

/// <summary>
/// Issue 21, "Patient": under a sustained rate limit a bulk run slows down and never fails a user, with default options,
/// over loopback Kestrel. Durations are printed, never asserted (the bound is measured in benchmarks/README.md).
/// </summary>
public sealed class PatientBulkTests
{
    internal static readonly string[] Buyer = ["view_org_users", "view_order", "create_order", "edit_inventory_lists"];
    internal static readonly string[] Viewer = ["view_org_users", "view_order", "export_order", "view_inventory_lists"];

    private readonly ITestOutputHelper _output;

    public PatientBulkTests(ITestOutputHelper output)
    {
        _output = output;
    }

    // Windows of 200 ms with the client's waits capped at 50 ms. The other rows are in classes of their own so that they
    // wait at the same time as this one: PatientBulkShortWindowTests (windows shorter than Retry-After can say, default
    // options), PatientBulkOneSecondWindowTests, PatientBulkDocumentedRateTests and PatientBulkLowRateTests (one-second windows).
    [Theory]
    [InlineData(8, 150, 200, 50)] // docs/bulk.md's measured settings: 150 requests per 200 ms, Retry.BaseDelay 5 ms, MaxDelay 50 ms
    [InlineData(null, 150, 200, 50)]
    public Task ApplyPermissionChangesAsync_ThousandUsersUnderTheRateLimit_NoUserFailsAndEveryStateIsExact(int? concurrency, int permits, int windowMs, int maxDelayMs) =>
        ApplyThousandUsersAsync(_output, concurrency, permits, windowMs, maxDelayMs);

    /// <summary>The body of every class's ThousandUsersUnderTheRateLimit rows: a thousand users from buyer to viewer under
    /// <paramref name="permits"/> per <paramref name="windowMs"/>; Retry options are the defaults unless <paramref name="maxDelayMs"/> is set.</summary>
    internal static async Task ApplyThousandUsersAsync(ITestOutputHelper output, int? concurrency, int permits, int windowMs, int maxDelayMs)
    {
        const int userCount = 1_000;
        // The simulator's clock stands still until the first 429: the limit bites however slow the machine is.
        var clock = new StillUntilTrippedClock();
        var sim = new CruxSimulator(new CruxSimulatorOptions { TimeProvider = clock });
        clock.Tripped = () => sim.Faults.RateLimitedCount > 0;
        IReadOnlyList<SimulatedUser> team = sim.AddUsers(sim.Retailer, userCount, Buyer);
        await using CruxSimulatorServer server = await sim.StartServerAsync();
        using var http = new HttpClient();
        var clientOptions = new CruxClientOptions { BaseAddress = server.BaseAddress, ApiToken = sim.RetailerAdmin.Token };
        if (maxDelayMs > 0)
        {
            clientOptions.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
            clientOptions.Retry.MaxDelay = TimeSpan.FromMilliseconds(maxDelayMs);
        }

        var client = new CruxClient(http, clientOptions);
        CruxBulkOptions? options = concurrency is { } c ? new CruxBulkOptions { MaxConcurrency = c } : null;
        Guid[] viewer = [.. Viewer.Select(sim.PermissionUuid)];
        // The plan is the run's input, not what is under test: it is read through the simulator's in-memory door (the same
        // state, without a loopback connection per read), so the test's time goes to the rate-limited run over Kestrel.
        using var planHttp = new HttpClient(sim.CreateHandler());
        var planner = new CruxClient(planHttp, new CruxClientOptions { BaseAddress = new Uri("https://simulator.local/"), ApiToken = sim.RetailerAdmin.Token });
        PermissionChangePlan plan = await planner.OrganizationUsers.PlanPermissionChangesAsync(team.ToDictionary(u => u.Uuid, _ => (IEnumerable<Guid>)viewer), options);
        long received = sim.RequestsReceived;
        sim.Faults.RateLimit(permits, TimeSpan.FromMilliseconds(windowMs));
        double perSecond = permits * 1000.0 / windowMs;

        var stopwatch = Stopwatch.StartNew();
        CruxBulkResult<AppliedPermissionChange> result = await client.OrganizationUsers.ApplyPermissionChangesAsync(plan, options);
        stopwatch.Stop();

        long needed = 3L * userCount;
        output.WriteLine($"{result}; requests {sim.RequestsReceived - received} (needed {needed}); ideal {needed / perSecond:0.0} s, took {stopwatch.Elapsed.TotalSeconds:0.0} s");
        Assert.Empty(result.Failures);
        Assert.Equal(userCount, result.Succeeded);
        Assert.All(team, u => Assert.Equal(Viewer.Order(), sim.GetAssignedPermissionNames(u.Uuid).Order()));
        Assert.True(sim.ResponseCount(HttpStatusCode.TooManyRequests) > 0, "the rate limit should have bitten");
    }

    [Fact]
    public async Task RemovePermissionsFromUsersAsync_ThousandUsersUnderTheRateLimitWithDefaults_NoUserFails()
    {
        const int userCount = 1_000;
        var sim = new CruxSimulator();
        IReadOnlyList<SimulatedUser> users = sim.AddUsers(sim.Retailer, userCount, CruxPermissionNames.EditOrgUsers, CruxPermissionNames.ViewOrder);
        await using CruxSimulatorServer server = await sim.StartServerAsync();
        using var http = new HttpClient();
        var client = new CruxClient(http, new CruxClientOptions { BaseAddress = server.BaseAddress, ApiToken = sim.RetailerAdmin.Token });
        sim.Faults.RateLimit(200, TimeSpan.FromSeconds(1));

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            users.Select(u => u.Uuid), [CruxPermissionNames.EditOrgUsers]);

        _output.WriteLine(result.ToString());
        Assert.Empty(result.Failures);
        Assert.All(users, u => Assert.Equal([CruxPermissionNames.ViewOrder], sim.GetAssignedPermissionNames(u.Uuid)));
    }
}
