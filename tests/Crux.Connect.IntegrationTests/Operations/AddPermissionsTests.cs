using System.Net;

namespace Crux.Connect.IntegrationTests.Operations;

public sealed class AddPermissionsTests
{
    [Theory]
    [MemberData(nameof(Wirings.AllWithVersions), MemberType = typeof(Wirings))]
    public async Task AddPermissionsAsync_AdminAddsTwo_ServerAssignsThemAndKeepsTheRest(Wiring wiring, CruxApiVersion version)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var member = sim.SupplierMember;
        Guid viewPaymentInfo = sim.PermissionUuid("view_payment_info");
        Guid allocateOrder = sim.PermissionUuid("allocate_order");
        var users = live.Connect(wiring, sim.SupplierAdmin.Token, version);

        AddPermissionsResult result = await users.AddPermissionsAsync(member.Uuid, [viewPaymentInfo, allocateOrder]);

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(member.Uuid, result.UserUuid);
        Assert.Equal([viewPaymentInfo, allocateOrder], result.PermissionUuids);
        Assert.Equal(
            ["view_org_users", "view_payment_info", "cancel_order", "view_order", "export_order", "view_items", "allocate_order"],
            sim.GetAssignedPermissionNames(member.Uuid));
        var logged = Assert.Single(sim.Requests.Snapshot());
        Assert.Equal("PATCH", logged.Method);
        Assert.Equal(live.LoggedPermissionsPath(member.Uuid, version), logged.Path);
        Assert.Equal(SimulatorHarness.TransportOf(wiring), logged.Transport);
    }

    [Theory]
    [MemberData(nameof(Wirings.All), MemberType = typeof(Wirings))]
    public async Task AddPermissionsAsync_AnyWiring_BodyIsExactJsonWithContentLengthNotChunked(Wiring wiring)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        Guid editItems = sim.PermissionUuid("edit_items");
        var users = live.Connect(wiring, sim.SupplierAdmin.Token);

        await users.AddPermissionsAsync(sim.SupplierMember.Uuid, [editItems]);

        var logged = sim.Requests.Last!;
        Assert.Equal($"{{\"permission_uuids\":[\"{editItems:D}\"]}}", logged.BodyText);
        Assert.False(logged.IsChunked);
        Assert.Equal(logged.Body.Length, logged.ContentLength);
        Assert.StartsWith("application/json", logged.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPermissionsAsync_AlreadyHeld_SucceedsAndChangesNothing()
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var before = sim.GetAssignedPermissionNames(sim.RetailerMember.Uuid);
        var users = live.Connect(Wiring.Constructor, sim.RetailerAdmin.Token);

        AddPermissionsResult result = await users.AddPermissionsAsync(sim.RetailerMember.Uuid, [sim.PermissionUuid("view_order")]);

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal(before, sim.GetAssignedPermissionNames(sim.RetailerMember.Uuid));
    }

    [Fact]
    public async Task AddThenRemove_SamePermissions_RoundTripsToTheStartingState()
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var member = sim.RetailerMember;
        var start = sim.GetAssignedPermissionNames(member.Uuid);
        Guid[] added = [sim.PermissionUuid("create_order"), sim.PermissionUuid("edit_inventory_lists")];
        var users = live.Connect(Wiring.AddCruxConnect, sim.RetailerAdmin.Token, CruxApiVersion.Timpanogos);

        await users.AddPermissionsAsync(member.Uuid, added);
        var between = await users.GetPermissionsAsync(member.Uuid);
        await users.RemovePermissionsAsync(member.Uuid, added);

        Assert.All(between.Where(a => added.Contains(a.Permission.Uuid)), a => Assert.True(a.Assigned));
        Assert.Equal(start, sim.GetAssignedPermissionNames(member.Uuid));
        Assert.Equal(["PATCH", "GET", "DELETE"], sim.Requests.Snapshot().Select(r => r.Method));
    }
}
