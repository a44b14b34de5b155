using System.Net;
using Crux.Connect.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Testing.Tests;

public sealed class RequestLogTests
{
    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Requests_Delete_RecordsMethodPathQueryBodyStatusAndRedactedToken(Door door)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var h = await SimulatorHarness.StartAsync(door, new CruxSimulatorOptions { TimeProvider = time });
        var sim = h.Simulator;
        var body = SimulatorHarness.UuidsBody(sim.PermissionUuid("view_order"));

        using var response = await h.SendAsync(
            HttpMethod.Delete, SimulatorHarness.PermissionsPath(sim.SupplierMember.Uuid) + "?trace=1", sim.SupplierAdmin, body);

        var logged = Assert.Single(sim.Requests);
        Assert.Equal("DELETE", logged.Method);
        Assert.Equal("/" + SimulatorHarness.PermissionsPath(sim.SupplierMember.Uuid), logged.Path);
        Assert.Equal("trace=1", logged.Query);
        Assert.Equal(body, logged.BodyText);
        Assert.Equal(HttpStatusCode.NoContent, logged.ResponseStatus);
        Assert.Equal(time.GetUtcNow(), logged.Timestamp);
        Assert.Equal("Token [REDACTED]", logged.Header("authorization"));
        Assert.StartsWith("application/json", logged.Header("Content-Type"));
        Assert.DoesNotContain(sim.SupplierAdmin.Token, string.Join("|", logged.Headers.Values));
        Assert.Equal(response.Headers.GetValues("X-Request-Id").Single(), logged.RequestId);
    }

    [Fact]
    public async Task Requests_PastCapacity_DropsOldestFirst()
    {
        await using var h = await SimulatorHarness.StartAsync(Door.InMemory, new CruxSimulatorOptions { RequestLogCapacity = 3 });

        for (var i = 0; i < 5; i++)
        {
            using var _ = await h.SendAsync(HttpMethod.Get, $"nowhere/{i}/");
        }

        var paths = h.Simulator.Requests.Select(r => r.Path).ToList();
        Assert.Equal(["/nowhere/2/", "/nowhere/3/", "/nowhere/4/"], paths);
        Assert.Equal(3, h.Simulator.Requests.Capacity);
        Assert.Equal(2, h.Simulator.Requests.EvictedCount);
        Assert.Equal(5, h.Simulator.RequestsReceived);
    }

    [Fact]
    public void Requests_DefaultCapacity_IsTenThousand()
    {
        Assert.Equal(10_000, new CruxSimulator().Requests.Capacity);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CruxSimulator(new CruxSimulatorOptions { RequestLogCapacity = 0 }));
    }

    [Fact]
    public async Task Clear_LoggedRequests_EmptiesLog()
    {
        await using var h = await SimulatorHarness.StartAsync(Door.InMemory);
        using var _ = await h.SendAsync(HttpMethod.Get, "nowhere/");

        h.Simulator.Requests.Clear();

        Assert.Empty(h.Simulator.Requests);
        Assert.Null(h.Simulator.Requests.Last);
    }

    [Fact]
    public async Task Requests_ManyConcurrentClients_LogsEveryOne()
    {
        await using var h = await SimulatorHarness.StartAsync(Door.Http);

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => h.SendAsync(HttpMethod.Get, "organizations/all_permissions/", h.Simulator.SupplierAdmin)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(40, h.Simulator.Requests.Count);
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }
}
