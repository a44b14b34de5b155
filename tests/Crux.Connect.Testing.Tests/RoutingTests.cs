using System.Net;
using Crux.Connect.Testing.Tests.Support;

namespace Crux.Connect.Testing.Tests;

public sealed class RoutingTests
{
    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Put_PermissionsPath_Answers405WithAllow(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;

        using var response = await h.SendAsync(HttpMethod.Put, SimulatorHarness.PermissionsPath(sim.SupplierMember.Uuid), sim.SupplierAdmin, SimulatorHarness.UuidsBody(sim.PermissionUuid("view_order")));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("Method \"PUT\" not allowed.", await Json.DetailAsync(response));
        Assert.Contains("DELETE", response.Content.Headers.Allow);
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Post_AllPermissions_Answers405(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var response = await h.SendAsync(HttpMethod.Post, "organizations/all_permissions/", h.Simulator.SupplierAdmin, "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_WithoutTrailingSlash_Answers404AndChangesNothing(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;

        using var response = await h.SendAsync(
            HttpMethod.Delete, SimulatorHarness.PermissionsPath(sim.SupplierMember.Uuid).TrimEnd('/'), sim.SupplierAdmin, SimulatorHarness.UuidsBody(sim.PermissionUuid("view_order")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("view_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
    }

    [Theory]
    [InlineData(Door.InMemory, "organizations/users/permissions/not-a-uuid/")]
    [InlineData(Door.Http, "organizations/users/permissions/not-a-uuid/")]
    [InlineData(Door.InMemory, "organizations/nothing-here/")]
    [InlineData(Door.Http, "organizations/nothing-here/")]
    [InlineData(Door.InMemory, "v2/organizations/all_permissions/")]
    [InlineData(Door.Http, "organizations/all_permissions")]
    public async Task Get_UnknownPath_Answers404NotFound(Door door, string path)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var response = await h.SendAsync(HttpMethod.Get, path, h.Simulator.SupplierAdmin);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not found.", await Json.DetailAsync(response));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Get_UppercaseUuidInPath_Answers404LikeDjangosConverter(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var path = $"organizations/users/permissions/{h.Simulator.SupplierMember.Uuid.ToString("D").ToUpperInvariant()}/";

        using var response = await h.SendAsync(HttpMethod.Get, path, h.Simulator.SupplierAdmin);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Get_UnknownPathWithoutToken_Answers404BeforeAuthentication(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var response = await h.SendAsync(HttpMethod.Get, "nowhere/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Get_AnyAnswer_CarriesFreshRequestId(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var first = await h.SendAsync(HttpMethod.Get, "nowhere/");
        using var second = await h.SendAsync(HttpMethod.Get, "organizations/all_permissions/", h.Simulator.SupplierAdmin);

        var a = first.Headers.GetValues("X-Request-Id").Single();
        var b = second.Headers.GetValues("X-Request-Id").Single();
        Assert.NotEqual(a, b);
        Assert.Equal(b, h.Simulator.Requests.Last!.RequestId);
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Get_PathBaseOption_ServesUnderPrefixOnly(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door, new CruxSimulatorOptions { PathBase = "/crux" });

        using var prefixed = await h.SendAsync(HttpMethod.Get, "crux/timp/organizations/all_permissions/", h.Simulator.SupplierAdmin);
        using var bare = await h.SendAsync(HttpMethod.Get, "organizations/all_permissions/", h.Simulator.SupplierAdmin);

        Assert.Equal(HttpStatusCode.OK, prefixed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, bare.StatusCode);
    }
}
