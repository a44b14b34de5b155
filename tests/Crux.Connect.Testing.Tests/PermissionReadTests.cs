using System.Net;
using Crux.Connect.Testing.Tests.Support;

namespace Crux.Connect.Testing.Tests;

public sealed class PermissionReadTests
{
    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task GetAllPermissions_Supplier_ListsBothAndSupplierOnlyWithThisInstancesUuids(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;

        using var response = await h.SendAsync(HttpMethod.Get, "organizations/all_permissions/", sim.SupplierViewer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = (await Json.ReadAsync(response)).EnumerateArray().ToList();
        var names = list.Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(18, list.Count);
        Assert.Contains("edit_items", names);
        Assert.DoesNotContain("create_order", names);
        var view = list.Single(p => p.GetProperty("name").GetString() == "view_org_users");
        Assert.Equal(sim.PermissionUuid("view_org_users").ToString("D"), view.GetProperty("uuid").GetString());
        Assert.Equal("View Users", view.GetProperty("display_name").GetString());
        Assert.Equal("BOTH", view.GetProperty("visibility").GetString());
        Assert.Equal("ORGUSERS", view.GetProperty("grouping").GetString());
        Assert.False(string.IsNullOrEmpty(view.GetProperty("description").GetString()));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task GetAllPermissions_RetailerOnTimpPath_ListsBothAndRetailerOnly(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var response = await h.SendAsync(HttpMethod.Get, "timp/organizations/all_permissions/", h.Simulator.RetailerAdmin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var names = (await Json.ReadAsync(response)).EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(16, names.Count);
        Assert.Contains("create_order", names);
        Assert.DoesNotContain("edit_items", names);
        Assert.All((await Json.ReadAsync(response)).EnumerateArray(), p => Assert.NotEqual("SUPPLIER", p.GetProperty("visibility").GetString()));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task GetUserPermissions_Member_MarksHeldPermissionsAssigned(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;

        using var response = await h.SendAsync(HttpMethod.Get, SimulatorHarness.PermissionsPath(sim.SupplierMember.Uuid), sim.SupplierAdmin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal(18, body.GetProperty("permissions").GetArrayLength());
        Assert.Equal(CruxSimulator.MemberPermissions.OrderBy(n => n, StringComparer.Ordinal), Json.AssignedNames(body).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task GetUserPermissions_TimpPath_AnswersSameState(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;
        sim.Unassign(sim.RetailerMember.Uuid, "view_items");

        using var response = await h.SendAsync(HttpMethod.Get, "timp/" + SimulatorHarness.PermissionsPath(sim.RetailerMember.Uuid), sim.RetailerAdmin);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("view_items", Json.AssignedNames(await Json.ReadAsync(response)));
    }
}
