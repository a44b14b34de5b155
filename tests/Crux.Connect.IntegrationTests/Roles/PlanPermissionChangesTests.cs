using Crux.Connect.Testing;

namespace Crux.Connect.IntegrationTests.Roles;

public sealed class PlanPermissionChangesTests
{
    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task PlanPermissionChangesAsync_OneUser_ReadsOnceChangesNothingAndPrintsATable(Door door)
    {
        await using var roles = await SimulatorHarness.StartAsync(door);
        var sim = roles.Simulator;
        Guid member = sim.RetailerMember.Uuid;

        PermissionChangePlan plan = await roles.Users.PlanPermissionChangesAsync(
            member, [sim.PermissionUuid("view_org_users"), sim.PermissionUuid("view_order"), sim.PermissionUuid("create_order")]);

        Assert.Equal("GET", roles.Methods());
        Assert.Equal(CruxSimulator.MemberPermissions.Order(), sim.GetAssignedPermissionNames(member).Order());
        UserPermissionPlan row = Assert.Single(plan.Users);
        Assert.Equal(member, row.UserUuid);
        Assert.Equal(["cancel_order", "export_order", "view_items"], row.ToRemove.Select(p => p.Name));
        Assert.Equal(["create_order"], row.ToAdd.Select(p => p.Name));
        Assert.Equal(["view_org_users", "view_order"], row.Unchanged.Select(p => p.Name));
        Assert.True(row.HasChanges);
        Assert.Empty(plan.Failures);
        Assert.Equal((1, 3, 1), (plan.UsersToChange, plan.RemovalCount, plan.AdditionCount));

        string[] table = plan.ToString().Split(Environment.NewLine);
        Assert.StartsWith("Permission change plan of ", table[0], StringComparison.Ordinal);
        Assert.EndsWith(": 1 users, 1 to change (3 removals, 1 additions), 0 already as desired, 0 not planned", table[0], StringComparison.Ordinal);
        Assert.Matches(@"^\| user +\| remove +\| add +\| keep +\|$", table[1]);
        Assert.Matches(@"^\|-+\|-+\|-+\|-+\|$", table[2]);
        Assert.Matches($@"^\| {member:D} \| cancel_order, export_order, view_items \| create_order +\| view_org_users, view_order \|$", table[3]);
        Assert.Equal(4, table.Length);
    }

    [Fact]
    public async Task PlanPermissionChangesAsync_ToJsonThenFromJson_GivesTheSamePlan()
    {
        await using var roles = await SimulatorHarness.StartAsync(Door.InMemory);
        var sim = roles.Simulator;
        var desired = new Dictionary<Guid, IEnumerable<string>>
        {
            [sim.RetailerMember.Uuid] = ["view_org_users", "create_order"],
            [sim.RetailerViewer.Uuid] = ["view_org_users"],
            [sim.SupplierMember.Uuid] = ["view_org_users"],   // another organization: not found for this caller
        };

        PermissionChangePlan plan = await roles.Users.PlanPermissionChangesAsync(desired);
        string json = plan.ToJson();
        PermissionChangePlan read = PermissionChangePlan.FromJson(json);

        Assert.Contains("\"user_uuid\"", json, StringComparison.Ordinal);
        Assert.Contains("\"remove\"", json, StringComparison.Ordinal);
        Assert.Equal(plan.CreatedAt, read.CreatedAt);
        Assert.Equal(plan.ToString(), read.ToString());
        Assert.Equal(plan.Users.Select(u => u.ToString()), read.Users.Select(u => u.ToString()));
        Assert.Equal(plan.Users.SelectMany(u => u.Desired).Select(p => (p.Uuid, p.Name)), read.Users.SelectMany(u => u.Desired).Select(p => (p.Uuid, p.Name)));
        CruxBulkOutcome<UserPermissionPlan> failure = Assert.Single(read.Failures);
        Assert.Equal(sim.SupplierMember.Uuid, failure.UserUuid);
        Assert.StartsWith("CruxNotFoundException: ", failure.Exception!.Message, StringComparison.Ordinal);
        Assert.Equal(json, read.ToJson());
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task PlanPermissionChangesAsync_ManyUsers_PlansEachListsWhoCannotBePlannedAndSendsOnlyReads(Door door)
    {
        await using var roles = await SimulatorHarness.StartAsync(door);
        var sim = roles.Simulator;
        IReadOnlyList<SimulatedUser> team = sim.AddUsers(sim.Retailer, 20, "view_org_users", "create_order", "edit_inventory_lists");
        sim.Assign(team[3].Uuid, "view_inventory_lists");
        var desired = team.ToDictionary(u => u.Uuid, _ => (IEnumerable<Guid>)[sim.PermissionUuid("view_org_users"), sim.PermissionUuid("view_inventory_lists")]);
        desired[sim.RetailerViewer.Uuid] = [sim.PermissionUuid("view_org_users")];
        desired[sim.SupplierMember.Uuid] = [sim.PermissionUuid("view_org_users")];                       // not found for a retailer admin
        desired[sim.RetailerMember.Uuid] = [sim.PermissionUuid("view_org_users"), sim.PermissionUuid("edit_items")]; // supplier-only

        PermissionChangePlan plan = await roles.Users.PlanPermissionChangesAsync(desired, new CruxBulkOptions { MaxConcurrency = 4 });

        Assert.Equal(team.Select(u => u.Uuid).Append(sim.RetailerViewer.Uuid), plan.Users.Select(u => u.UserUuid));
        Assert.All(plan.Users.Take(20), u => Assert.Equal(["create_order", "edit_inventory_lists"], u.ToRemove.Select(p => p.Name)));
        Assert.Equal(["view_inventory_lists"], plan.Users[0].ToAdd.Select(p => p.Name));
        Assert.Empty(plan.Users[3].ToAdd);
        Assert.False(plan.Users[20].HasChanges);
        Assert.Equal([sim.SupplierMember.Uuid, sim.RetailerMember.Uuid], plan.Failures.Select(f => f.UserUuid));
        Assert.IsType<CruxNotFoundException>(plan.Failures[0].Exception);
        var notAvailable = Assert.IsType<CruxPermissionsNotAvailableException>(plan.Failures[1].Exception);
        Assert.Equal([sim.PermissionUuid("edit_items")], notAvailable.PermissionUuids);
        Assert.All(sim.Requests.Snapshot(), r => Assert.Equal("GET", r.Method));
        Assert.Equal(desired.Count, sim.Requests.Count);
        Assert.Equal(["view_org_users", "create_order", "edit_inventory_lists"], sim.GetAssignedPermissionNames(team[0].Uuid));

        string text = plan.ToString();
        Assert.Contains(": 23 users, 20 to change (40 removals, 19 additions), 1 already as desired, 2 not planned", text, StringComparison.Ordinal);
        Assert.Contains($"not planned: {sim.SupplierMember.Uuid:D}: CruxNotFoundException: ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanPermissionChangesAsync_ManyUsersByName_ResolvesEveryNameWithOneCatalogRead()
    {
        await using var roles = await SimulatorHarness.StartAsync(Door.InMemory);
        var sim = roles.Simulator;
        IReadOnlyList<SimulatedUser> team = sim.AddUsers(sim.Retailer, 5, "view_org_users", "create_order");

        PermissionChangePlan plan = await roles.Users.PlanPermissionChangesAsync(
            team.ToDictionary(u => u.Uuid, u => (IEnumerable<string>)(u == team[0] ? ["view_org_users"] : ["view_order", "view_org_users"])));

        Assert.Single(sim.Requests.Snapshot(), r => r.Path.EndsWith("/all_permissions/", StringComparison.Ordinal));
        Assert.Empty(plan.Users[0].ToAdd);
        Assert.All(plan.Users.Skip(1), u => Assert.Equal(["view_order"], u.ToAdd.Select(p => p.Name)));
        Assert.All(plan.Users, u => Assert.Equal(["create_order"], u.ToRemove.Select(p => p.Name)));
    }

    [Fact]
    public async Task PlanPermissionChangesAsync_BadMap_ThrowsNamingTheUserAndSendsNothing()
    {
        await using var roles = await SimulatorHarness.StartAsync(Door.InMemory);
        var sim = roles.Simulator;
        Guid member = sim.RetailerMember.Uuid;

        var empty = await Assert.ThrowsAsync<ArgumentException>(() =>
            roles.Users.PlanPermissionChangesAsync(new Dictionary<Guid, IEnumerable<Guid>> { [member] = [] }));
        var emptyUser = await Assert.ThrowsAsync<ArgumentException>(() =>
            roles.Users.PlanPermissionChangesAsync(new Dictionary<Guid, IEnumerable<Guid>> { [Guid.Empty] = [sim.PermissionUuid("view_order")] }));

        Assert.Equal("desiredPermissionUuids", empty.ParamName);
        Assert.Contains(member.ToString("D"), empty.Message, StringComparison.Ordinal);
        Assert.Equal("desiredPermissionUuids", emptyUser.ParamName);
        Assert.Empty(sim.Requests.Snapshot());
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"version\":2,\"created_at\":\"2026-12-02T00:00:00Z\",\"users\":[]}")]
    [InlineData("{\"version\":1,\"created_at\":\"2026-12-02T00:00:00Z\",\"users\":[{\"user_uuid\":\"6c7c0f3e-4f0a-4a52-9a39-3ad8e4c0a001\"}]}")]
    public void FromJson_NotAPlan_ThrowsArgumentExceptionNamingJson(string json)
    {
        var exception = Assert.Throws<ArgumentException>(() => PermissionChangePlan.FromJson(json));

        Assert.Equal("json", exception.ParamName);
    }
}
