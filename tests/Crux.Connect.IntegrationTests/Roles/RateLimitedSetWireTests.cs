using System.Net;
using Crux.Connect.Bulk;
using Crux.Connect.Testing;

namespace Crux.Connect.IntegrationTests.Roles;

/// <summary>
/// What crosses the wire when a set's DELETE or PATCH is answered 429 (docs/roles.md says exactly this): the rate-limited
/// request alone is sent again, with the same body; the user is not read again, and the other request is not repeated.
/// </summary>
public sealed class RateLimitedSetWireTests
{
    // The retailer member starts with view_org_users, view_order, export_order, cancel_order, view_items.
    private static readonly string[] Desired = ["view_org_users", "view_order", "create_order"];

    [Theory]
    [InlineData("GET", 1, "GET DELETE DELETE PATCH")]     // the first DELETE answered 429
    [InlineData("GET", 2, "GET DELETE DELETE DELETE PATCH")]
    [InlineData("DELETE", 1, "GET DELETE PATCH PATCH")]   // the first PATCH answered 429
    [InlineData("DELETE", 3, "GET DELETE PATCH PATCH PATCH PATCH")]
    public async Task SetPermissionsAsync_429OnAChange_SendsThatRequestAgainAndNothingElse(string after, int count, string expected)
    {
        var sim = new CruxSimulator();
        await using var roles = await SimulatorHarness.StartAsync(
            sim, Door.InMemory, onAnswer: SimulatorHarness.AfterFirst(after, () => sim.Faults.FailNext(count, HttpStatusCode.TooManyRequests)));

        SetPermissionsResult result = await roles.Users.SetPermissionsAsync(sim.RetailerMember.Uuid, Desired.Select(sim.PermissionUuid));   // by uuid: no catalog GET

        Assert.Equal(expected, roles.Methods());
        AssertRetriedWithTheSameBody(sim);
        Assert.Equal(["cancel_order", "export_order", "view_items"], result.Removed.Select(p => p.Name).Order());
        Assert.Equal(["create_order"], result.Added.Select(p => p.Name));
        Assert.Equal(Desired.Order(), sim.GetAssignedPermissionNames(sim.RetailerMember.Uuid).Order());
    }

    [Theory]
    [InlineData("GET", "GET DELETE DELETE PATCH")]
    [InlineData("DELETE", "GET DELETE PATCH PATCH")]
    public async Task ApplyPermissionChangesAsync_429OnAChange_SendsThatRequestAgainWithoutReadingTheUserAgain(string after, string expected)
    {
        var sim = new CruxSimulator();
        bool armed = false;
        await using var roles = await SimulatorHarness.StartAsync(
            sim, Door.InMemory, onAnswer: (request, response) =>
            {
                if (armed && request.Method.Method == after && response.IsSuccessStatusCode)
                {
                    armed = false;
                    sim.Faults.FailNext(1, HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(0));
                }
            });
        PermissionChangePlan plan = await roles.Users.PlanPermissionChangesAsync(sim.RetailerMember.Uuid, Desired);
        sim.Requests.Clear();
        armed = true;

        CruxBulkResult<AppliedPermissionChange> applied = await roles.Users.ApplyPermissionChangesAsync(plan);

        Assert.Equal(expected, roles.Methods());
        AssertRetriedWithTheSameBody(sim);
        Assert.True(applied.Outcomes.Single().IsSuccess);
        Assert.Equal(Desired.Order(), sim.GetAssignedPermissionNames(sim.RetailerMember.Uuid).Order());
    }

    private static void AssertRetriedWithTheSameBody(CruxSimulator sim)
    {
        IReadOnlyList<RecordedRequest> log = sim.Requests.Snapshot();
        foreach (IGrouping<string, RecordedRequest> requests in log.Where(r => r.Method != "GET").GroupBy(r => r.Method))
        {
            Assert.Single(requests.Select(r => r.BodyText).Distinct());
            Assert.All(requests.SkipLast(1), r => Assert.Equal(HttpStatusCode.TooManyRequests, r.ResponseStatus));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, requests.Last().ResponseStatus);
        }
    }
}
