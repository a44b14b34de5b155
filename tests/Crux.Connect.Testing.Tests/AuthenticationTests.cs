using System.Net;
using Crux.Connect.Testing.Tests.Support;

namespace Crux.Connect.Testing.Tests;

public sealed class AuthenticationTests
{
    public static TheoryData<Door, string?, string> BadHeaders => new()
    {
        { Door.InMemory, null, "Authentication credentials were not provided." },
        { Door.Http, null, "Authentication credentials were not provided." },
        { Door.InMemory, "Bearer abc", "Authentication credentials were not provided." },
        { Door.Http, "Bearer abc", "Authentication credentials were not provided." },
        { Door.InMemory, "Token not-a-known-token", "Invalid token." },
        { Door.Http, "Token not-a-known-token", "Invalid token." },
        { Door.InMemory, "Token", "Invalid token header. No credentials provided." },
        { Door.Http, "Token", "Invalid token header. No credentials provided." },
        { Door.InMemory, "Token a b", "Invalid token header. Token string should not contain spaces." },
        { Door.Http, "Token a b", "Invalid token header. Token string should not contain spaces." },
    };

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public async Task Get_BadAuthorization_Answers401WithDrfDetail(Door door, string? authorization, string detail)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var response = await h.SendAsync(
            HttpMethod.Get, SimulatorHarness.PermissionsPath(h.Simulator.SupplierMember.Uuid), authorization: authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(detail, await Json.DetailAsync(response));
        Assert.Equal("Token", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_BearerScheme_Answers401AndChangesNothing(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;

        using var response = await h.SendAsync(
            HttpMethod.Delete, SimulatorHarness.PermissionsPath(sim.SupplierMember.Uuid),
            json: SimulatorHarness.UuidsBody(sim.PermissionUuid("view_order")), authorization: $"Bearer {sim.SupplierAdmin.Token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("view_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Get_LowercaseTokenKeyword_IsAccepted(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var response = await h.SendAsync(HttpMethod.Get, "organizations/all_permissions/", authorization: $"token {h.Simulator.SupplierViewer.Token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
