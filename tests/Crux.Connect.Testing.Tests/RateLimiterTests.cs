using System.Net;
using Crux.Connect.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Testing.Tests;

public sealed class RateLimiterTests
{
    private const string AllPermissions = "organizations/all_permissions/";

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task RateLimit_Exceeded_Answers429WithRetryAfterUntilWindowEnds(Door door)
    {
        var time = new FakeTimeProvider();
        await using var h = await SimulatorHarness.StartAsync(door, new CruxSimulatorOptions { TimeProvider = time });
        var sim = h.Simulator;
        sim.Faults.RateLimit(2, TimeSpan.FromSeconds(10));

        using var one = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);
        using var two = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);
        using var three = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);
        time.Advance(TimeSpan.FromSeconds(4));
        using var four = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);
        time.Advance(TimeSpan.FromSeconds(6));
        using var five = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Equal((HttpStatusCode)429, three.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), three.Headers.RetryAfter!.Delta);
        Assert.StartsWith("Request was throttled.", await Json.DetailAsync(three));
        Assert.Equal(TimeSpan.FromSeconds(6), four.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, five.StatusCode);
        Assert.Equal(2, sim.Faults.RateLimitedCount);
        Assert.Equal(2, sim.ResponseCount((HttpStatusCode)429));
    }

    [Fact]
    public async Task RateLimit_SubSecondRemainder_RoundsRetryAfterUpToOneSecond()
    {
        var time = new FakeTimeProvider();
        await using var h = await SimulatorHarness.StartAsync(Door.InMemory, new CruxSimulatorOptions { TimeProvider = time });
        var sim = h.Simulator;
        sim.Faults.RateLimit(1, TimeSpan.FromSeconds(1));

        using var allowed = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);
        time.Advance(TimeSpan.FromMilliseconds(900));
        using var limited = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task RateLimit_LimitedRequest_DoesNotChangeState()
    {
        var time = new FakeTimeProvider();
        await using var h = await SimulatorHarness.StartAsync(Door.InMemory, new CruxSimulatorOptions { TimeProvider = time });
        var sim = h.Simulator;
        sim.Faults.RateLimit(1, TimeSpan.FromMinutes(1));

        using var allowed = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);
        using var limited = await h.DeleteAsync(sim.SupplierAdmin, sim.SupplierMember.Uuid, sim.PermissionUuid("view_order"));

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Contains("view_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
        Assert.Null(sim.Requests.Last!.Fault);
    }
}
