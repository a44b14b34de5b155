using System.Net;
using Crux.Connect.Testing.Tests.Support;

namespace Crux.Connect.Testing.Tests;

public sealed class AuthorizationTests
{
    private const string Denied = "You do not have permission to perform this action.";

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_CallerWithoutEditOrgUsers_Answers403AndChangesNothing(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;

        using var response = await h.DeleteAsync(sim.SupplierViewer, sim.SupplierMember.Uuid, sim.PermissionUuid("view_order"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(Denied, await Json.DetailAsync(response));
        Assert.Contains("view_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Patch_CallerWithoutEditOrgUsers_Answers403(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;

        using var response = await h.PatchAsync(sim.RetailerViewer, sim.RetailerMember.Uuid, sim.PermissionUuid("create_order"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("create_order", sim.GetAssignedPermissionNames(sim.RetailerMember.Uuid));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Get_CallerWithoutViewOrgUsers_Answers403(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;
        var nobody = sim.AddUser(sim.Supplier, "nobody@supplier.example", "pw", "view_order");

        using var one = await h.SendAsync(HttpMethod.Get, SimulatorHarness.PermissionsPath(sim.SupplierMember.Uuid), nobody);
        using var all = await h.SendAsync(HttpMethod.Get, "organizations/all_permissions/", nobody);

        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, all.StatusCode);
        Assert.Equal(Denied, await Json.DetailAsync(all));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Get_ViewerReadsOwnOrganization_Answers200(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var response = await h.SendAsync(HttpMethod.Get, SimulatorHarness.PermissionsPath(h.Simulator.SupplierMember.Uuid), h.Simulator.SupplierViewer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_TargetInOtherOrganization_Answers404AndChangesNothing(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;

        using var response = await h.DeleteAsync(sim.SupplierAdmin, sim.RetailerMember.Uuid, sim.PermissionUuid("view_order"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not found.", await Json.DetailAsync(response));
        Assert.Contains("view_order", sim.GetAssignedPermissionNames(sim.RetailerMember.Uuid));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_UnknownTargetUser_Answers404(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var response = await h.DeleteAsync(h.Simulator.SupplierAdmin, Guid.NewGuid(), h.Simulator.PermissionUuid("view_order"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Not found.", await Json.DetailAsync(response));
    }
}
