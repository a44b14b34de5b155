using System.Net;
using Crux.Connect.Testing;
using Xunit.Abstractions;

namespace Crux.Connect.IntegrationTests.Bulk;

/// <summary>
/// Issue 21, "Patient", at the lowest server rates: 150 requests a second for a thousand users (20 s of windows) and 8 a
/// second for sixty users with sixteen workers (the case). A class of their own (an xunit collection) so that these
/// runs, which mostly wait for the next window, overlap with the other classes instead of adding to them.
/// </summary>
public sealed class PatientBulkLowRateTests
{
    private static readonly string[] Buyer = PatientBulkTests.Buyer;
    private static readonly string[] Viewer = PatientBulkTests.Viewer;

    private readonly ITestOutputHelper _output;

    public PatientBulkLowRateTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData(null, 150, 1000, 0)]
    public Task ApplyPermissionChangesAsync_ThousandUsersUnderTheRateLimit_NoUserFailsAndEveryStateIsExact(int? concurrency, int permits, int windowMs, int maxDelayMs) =>
        PatientBulkTests.ApplyThousandUsersAsync(_output, concurrency, permits, windowMs, maxDelayMs);

    [Fact]
    public async Task ApplyPermissionChangesAsync_SixtyUsersEightRequestsASecondSixteenWorkers_SixtyOfSixty()
    {
        const int userCount = 60;
        var sim = new CruxSimulator();
        IReadOnlyList<SimulatedUser> team = sim.AddUsers(sim.Retailer, userCount, [.. Viewer, "create_order"]);
        await using CruxSimulatorServer server = await sim.StartServerAsync();
        using var http = new HttpClient();
        var client = new CruxClient(http, new CruxClientOptions { BaseAddress = server.BaseAddress, ApiToken = sim.RetailerAdmin.Token });
        var options = new CruxBulkOptions { MaxConcurrency = 16 };
        Guid[] viewer = [.. Viewer.Select(sim.PermissionUuid)];
        PermissionChangePlan plan = await client.OrganizationUsers.PlanPermissionChangesAsync(team.ToDictionary(u => u.Uuid, _ => (IEnumerable<Guid>)viewer), options);
        sim.Faults.RateLimit(8, TimeSpan.FromSeconds(1));

        CruxBulkResult<AppliedPermissionChange> result = await client.OrganizationUsers.ApplyPermissionChangesAsync(plan, options);

        _output.WriteLine(result.ToString());
        Assert.Equal(userCount, result.Succeeded);
        Assert.All(team, u => Assert.Equal(Viewer.Order(), sim.GetAssignedPermissionNames(u.Uuid).Order()));
        Assert.True(sim.ResponseCount(HttpStatusCode.TooManyRequests) > 0, "the rate limit should have bitten: sixteen workers, eight permits a window");
    }
}
