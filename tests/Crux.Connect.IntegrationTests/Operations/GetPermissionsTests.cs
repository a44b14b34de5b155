using Crux.Connect.Testing;

namespace Crux.Connect.IntegrationTests.Operations;

public sealed class GetPermissionsTests
{
    [Theory]
    [MemberData(nameof(Wirings.AllWithVersions), MemberType = typeof(Wirings))]
    public async Task GetPermissionsAsync_SupplierMember_ListsTheSupplierCatalogWithAssignedFlags(Wiring wiring, CruxApiVersion version)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var member = sim.SupplierMember;
        var users = live.Connect(wiring, sim.SupplierAdmin.Token, version);

        IReadOnlyList<PermissionAssignment> assignments = await users.GetPermissionsAsync(member.Uuid);

        string[] expectedCatalog = [.. sim.Catalog.Where(p => p.Visibility is "BOTH" or "SUPPLIER").Select(p => p.Name)];
        Assert.Equal(expectedCatalog, assignments.Select(a => a.Permission.Name));
        Assert.Equal(sim.GetAssignedPermissionNames(member.Uuid), assignments.Where(a => a.Assigned).Select(a => a.Permission.Name));
        Assert.All(assignments, a => Assert.Equal(sim.PermissionUuid(a.Permission.Name), a.Permission.Uuid));
        var logged = Assert.Single(sim.Requests.Snapshot());
        Assert.Equal("GET", logged.Method);
        Assert.Equal(live.LoggedPermissionsPath(member.Uuid, version), logged.Path);
        Assert.Equal(SimulatorHarness.TransportOf(wiring), logged.Transport);
        Assert.Equal(0, logged.Body.Length);
    }

    [Fact]
    public async Task GetPermissionsAsync_OverHttp_MapsEveryPermissionField()
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var users = live.Connect(Wiring.Constructor, sim.RetailerAdmin.Token);

        IReadOnlyList<PermissionAssignment> assignments = await users.GetPermissionsAsync(sim.RetailerMember.Uuid);

        Permission createOrder = Assert.Single(assignments, a => a.Permission.Name == "create_order").Permission;
        SimulatedPermission expected = sim.Permission("create_order");
        Assert.Equal(new Permission(expected.Uuid, expected.Name, expected.DisplayName, expected.Description, expected.Visibility, expected.Grouping), createOrder);
        Assert.Equal("RETAILER", createOrder.Visibility);
    }

    [Theory]
    [MemberData(nameof(Wirings.OverHttp), MemberType = typeof(Wirings))]
    public async Task GetPermissionsAsync_ViewerWithOnlyViewOrgUsers_CanRead(Wiring wiring)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var users = live.Connect(wiring, sim.SupplierViewer.Token);

        IReadOnlyList<PermissionAssignment> assignments = await users.GetPermissionsAsync(sim.SupplierMember.Uuid);

        Assert.Equal(5, assignments.Count(a => a.Assigned));
    }

    [Fact]
    public async Task GetPermissionsAsync_AfterRemoveOverHttp_ShowsTheRemovedOnesUnassigned()
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        Guid[] removed = [sim.PermissionUuid("view_order"), sim.PermissionUuid("export_order")];
        var users = live.Connect(Wiring.AddCruxConnectFromConfiguration, sim.SupplierAdmin.Token);

        await users.RemovePermissionsAsync(sim.SupplierMember.Uuid, removed);
        IReadOnlyList<PermissionAssignment> after = await users.GetPermissionsAsync(sim.SupplierMember.Uuid);

        Assert.All(after.Where(a => removed.Contains(a.Permission.Uuid)), a => Assert.False(a.Assigned));
        Assert.Equal(["view_org_users", "cancel_order", "view_items"], after.Where(a => a.Assigned).Select(a => a.Permission.Name));
    }
}
