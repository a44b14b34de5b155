using System.Net;
using Crux.Connect.Testing.Tests.Support;

namespace Crux.Connect.Testing.Tests;

public sealed class PermissionChangeTests
{
    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_HeldPermissions_Answers204AndRemovesThem(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;
        var member = sim.SupplierMember;

        using var response = await h.DeleteAsync(sim.SupplierAdmin, member.Uuid, sim.PermissionUuid("view_order"), sim.PermissionUuid("export_order"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["view_org_users", "cancel_order", "view_items"], sim.GetAssignedPermissionNames(member.Uuid));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_Repeated_LandsInSameStateAndStillAnswers204(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;
        var uuid = sim.PermissionUuid("view_order");

        using var first = await h.DeleteAsync(sim.SupplierAdmin, sim.SupplierMember.Uuid, uuid);
        var after = sim.GetAssignedPermissions(sim.SupplierMember.Uuid).ToHashSet();
        using var second = await h.DeleteAsync(sim.SupplierAdmin, sim.SupplierMember.Uuid, uuid);

        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(after, sim.GetAssignedPermissions(sim.SupplierMember.Uuid).ToHashSet());
        Assert.DoesNotContain(uuid, after);
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_OnTimpPath_RemovesPermission(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;

        using var response = await h.SendAsync(
            HttpMethod.Delete, "timp/" + SimulatorHarness.PermissionsPath(sim.RetailerMember.Uuid), sim.RetailerAdmin, SimulatorHarness.UuidsBody(sim.PermissionUuid("cancel_order")));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain("cancel_order", sim.GetAssignedPermissionNames(sim.RetailerMember.Uuid));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_OneUnknownUuid_Answers422AndChangesNothing(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;
        var before = sim.GetAssignedPermissions(sim.SupplierMember.Uuid).ToHashSet();
        var unknown = Guid.NewGuid();

        using var response = await h.DeleteAsync(sim.SupplierAdmin, sim.SupplierMember.Uuid, sim.PermissionUuid("view_order"), unknown);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains(unknown.ToString("D"), await Json.DetailAsync(response));
        Assert.Equal(before, sim.GetAssignedPermissions(sim.SupplierMember.Uuid).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_UuidFromAnotherSimulator_Answers422(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var other = new CruxSimulator();

        using var response = await h.DeleteAsync(h.Simulator.SupplierAdmin, h.Simulator.SupplierMember.Uuid, other.PermissionUuid("view_order"));

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Patch_PermissionOfOtherOrganizationType_Answers409AndChangesNothing(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;

        using var response = await h.PatchAsync(sim.RetailerAdmin, sim.RetailerMember.Uuid, sim.PermissionUuid("view_order"), sim.PermissionUuid("edit_items"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("edit_items", await Json.DetailAsync(response));
        Assert.DoesNotContain("edit_items", sim.GetAssignedPermissionNames(sim.RetailerMember.Uuid));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_PermissionOfOtherOrganizationType_Answers409(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;

        using var response = await h.DeleteAsync(sim.SupplierAdmin, sim.SupplierMember.Uuid, sim.PermissionUuid("create_order"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Patch_NewPermissions_Answers200WithUpdatedList(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;

        using var response = await h.PatchAsync(sim.SupplierAdmin, sim.SupplierMember.Uuid, sim.PermissionUuid("edit_items"), sim.PermissionUuid("view_order"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var assigned = Json.AssignedNames(await Json.ReadAsync(response));
        Assert.Contains("edit_items", assigned);
        Assert.Contains("edit_items", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
        Assert.Equal(CruxSimulator.MemberPermissions.Count + 1, sim.GetAssignedPermissions(sim.SupplierMember.Uuid).Count);
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_DuplicateUuids_RemovesOnce(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;
        var uuid = sim.PermissionUuid("view_items");

        using var response = await h.DeleteAsync(sim.SupplierAdmin, sim.SupplierMember.Uuid, uuid, uuid);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(uuid, sim.GetAssignedPermissions(sim.SupplierMember.Uuid));
    }
}
