using System.Net;
using Crux.Connect.Testing;

namespace Crux.Connect.IntegrationTests.Roles;

public sealed class SetPermissionsTests
{
    // The retailer member starts with view_org_users, view_order, export_order, cancel_order, view_items.
    private static readonly Dictionary<string, (string[] Desired, string[] Removed, string[] Added, string Requests)> Cases = new()
    {
        ["nothing"] = (["view_org_users", "view_order", "export_order", "cancel_order", "view_items"], [], [], "GET"),
        ["only removals"] = (["view_org_users", "view_order"], ["export_order", "cancel_order", "view_items"], [], "GET DELETE"),
        ["only additions"] = (
            ["view_org_users", "view_order", "export_order", "cancel_order", "view_items", "create_order", "view_inventory_lists"],
            [], ["create_order", "view_inventory_lists"], "GET PATCH"),
        ["both"] = (["view_org_users", "view_order", "create_order"], ["export_order", "cancel_order", "view_items"], ["create_order"], "GET DELETE PATCH"),
    };

    public static TheoryData<Door, string> DoorsAndCases
    {
        get
        {
            var data = new TheoryData<Door, string>();
            foreach (Door door in Enum.GetValues<Door>())
            {
                foreach (string name in Cases.Keys)
                {
                    data.Add(door, name);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(DoorsAndCases))]
    public async Task SetPermissionsAsync_EachCombination_SendsOnlyWhatIsNeededRemovalFirstAndLandsOnTheDesiredSet(Door door, string caseName)
    {
        var (desired, removed, added, requests) = Cases[caseName];
        await using var roles = await SimulatorHarness.StartAsync(door);
        var sim = roles.Simulator;
        Guid member = sim.RetailerMember.Uuid;

        SetPermissionsResult result = await roles.Users.SetPermissionsAsync(member, desired.Select(sim.PermissionUuid));

        Assert.Equal(requests, roles.Methods());
        Assert.Equal(desired.Order(), sim.GetAssignedPermissionNames(member).Order());
        Assert.Equal(removed.Order(), result.Removed.Select(p => p.Name).Order());
        Assert.Equal(added, result.Added.Select(p => p.Name));
        Assert.Equal(desired.Except(added).Order(), result.Unchanged.Select(p => p.Name).Order());
        Assert.Equal(removed.Length + added.Length > 0, result.Changed);

        // One DELETE holding exactly what had to go, one PATCH holding exactly what had to come, each with the request id the server gave.
        RecordedRequest[] log = sim.Requests.Snapshot().ToArray();
        Assert.Equal(log[0].RequestId, result.ReadRequestId);
        RecordedRequest? delete = log.SingleOrDefault(r => r.Method == "DELETE");
        RecordedRequest? patch = log.SingleOrDefault(r => r.Method == "PATCH");
        Assert.Equal(delete?.RequestId, result.RemoveRequestId);
        Assert.Equal(patch?.RequestId, result.AddRequestId);
        if (delete is not null)
        {
            Assert.Equal(Body(result.Removed.Select(p => p.Uuid)), delete.BodyText);
            Assert.False(delete.IsChunked);
        }

        if (patch is not null)
        {
            Assert.Equal(Body(added.Select(sim.PermissionUuid)), patch.BodyText);
        }
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task SetPermissionsAsync_AlreadyInTheDesiredState_CostsExactlyOneGet(Door door)
    {
        await using var roles = await SimulatorHarness.StartAsync(door);
        var sim = roles.Simulator;

        SetPermissionsResult result = await roles.Users.SetPermissionsAsync(sim.RetailerMember.Uuid, [.. CruxSimulator.MemberPermissions]);

        Assert.False(result.Changed);
        Assert.Null(result.RemoveRequestId);
        Assert.Null(result.AddRequestId);

        // By name the catalog is read once for the client; then each run costs one GET and nothing else.
        RecordedRequest[] log = sim.Requests.Snapshot().ToArray();
        Assert.Equal(["GET", "GET"], log.Select(r => r.Method));
        Assert.EndsWith("/all_permissions/", log[0].Path, StringComparison.Ordinal);
        sim.Requests.Clear();
        await roles.Users.SetPermissionsAsync(sim.RetailerMember.Uuid, [.. CruxSimulator.MemberPermissions]);
        RecordedRequest only = Assert.Single(sim.Requests.Snapshot());
        Assert.Equal("GET", only.Method);
        Assert.EndsWith($"/organizations/users/permissions/{sim.RetailerMember.Uuid:D}/", only.Path, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task SetPermissionsAsync_ByName_ResolvesAndSetsTheRole(Door door)
    {
        await using var roles = await SimulatorHarness.StartAsync(door);
        var sim = roles.Simulator;
        Guid member = sim.RetailerMember.Uuid;

        SetPermissionsResult result = await roles.Users.SetPermissionsAsync(
            member, [CruxPermissionNames.ViewOrgUsers, CruxPermissionNames.CreateOrder, CruxPermissionNames.CreateOrder]);

        Assert.Equal([CruxPermissionNames.ViewOrgUsers, CruxPermissionNames.CreateOrder], sim.GetAssignedPermissionNames(member));
        Assert.Equal([CruxPermissionNames.CreateOrder], result.Added.Select(p => p.Name));
        Assert.Equal("GET GET DELETE PATCH", roles.Methods());
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task SetPermissionsAsync_PermissionTheOrganizationCannotHold_ThrowsNamingItAfterTheGetAndChangesNothing(Door door)
    {
        await using var roles = await SimulatorHarness.StartAsync(door);
        var sim = roles.Simulator;
        Guid member = sim.RetailerMember.Uuid;
        Guid editItems = sim.PermissionUuid(CruxPermissionNames.EditItems);           // supplier-only
        Guid allocateOrder = sim.PermissionUuid(CruxPermissionNames.AllocateOrder);   // supplier-only

        var exception = await Assert.ThrowsAsync<CruxPermissionsNotAvailableException>(() => roles.Users.SetPermissionsAsync(
            member, [sim.PermissionUuid(CruxPermissionNames.ViewOrgUsers), editItems, allocateOrder]));

        Assert.Equal(member, exception.UserUuid);
        Assert.Equal([editItems, allocateOrder], exception.PermissionUuids);
        Assert.Contains(editItems.ToString("D"), exception.Message, StringComparison.Ordinal);
        Assert.Contains(allocateOrder.ToString("D"), exception.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", exception.Message, StringComparison.Ordinal);
        Assert.Equal("GET", roles.Methods());
        Assert.Equal(CruxSimulator.MemberPermissions.Order(), sim.GetAssignedPermissionNames(member).Order());
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task SetPermissionsAsync_FaultBetweenDeleteAndPatch_ReportsThePartialChangeAndARerunConverges(Door door)
    {
        var sim = new CruxSimulator();
        // The moment the DELETE has succeeded: every try of the PATCH that follows fails (4 tries with the default retries).
        await using var roles = await SimulatorHarness.StartAsync(
            sim, door, onAnswer: SimulatorHarness.AfterFirst("DELETE", () => sim.Faults.FailNext(4, HttpStatusCode.ServiceUnavailable)));
        Guid member = sim.RetailerMember.Uuid;
        Guid[] desired = [.. new[] { "view_org_users", "view_order", "create_order" }.Select(sim.PermissionUuid)];

        var exception = await Assert.ThrowsAsync<CruxPartialPermissionChangeException>(() => roles.Users.SetPermissionsAsync(member, desired));

        Assert.Equal(member, exception.UserUuid);
        Assert.Equal(["cancel_order", "export_order", "view_items"], exception.Removed.Select(p => p.Name).Order());
        Assert.Equal(["create_order"], exception.NotAdded.Select(p => p.Name));
        var inner = Assert.IsType<CruxServerException>(exception.InnerException);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, inner.StatusCode);
        RecordedRequest[] log = sim.Requests.Snapshot().ToArray();
        Assert.Equal("GET DELETE PATCH PATCH PATCH PATCH", roles.Methods());
        Assert.Equal(log[1].RequestId, exception.RemoveRequestId);

        // Fewer permissions than desired, never more, while it is incomplete.
        Assert.Equal(["view_org_users", "view_order"], sim.GetAssignedPermissionNames(member));

        sim.Requests.Clear();
        SetPermissionsResult rerun = await roles.Users.SetPermissionsAsync(member, desired);

        Assert.Equal("GET PATCH", roles.Methods());
        Assert.Empty(rerun.Removed);
        Assert.Equal(["create_order"], rerun.Added.Select(p => p.Name));
        Assert.Equal(["view_org_users", "view_order", "create_order"], sim.GetAssignedPermissionNames(member));

        sim.Requests.Clear();
        SetPermissionsResult third = await roles.Users.SetPermissionsAsync(member, desired);
        Assert.False(third.Changed);
        Assert.Equal("GET", roles.Methods());
    }

    [Fact]
    public async Task SetPermissionsAsync_BadArguments_ThrowNamingTheParameterAndSendNothing()
    {
        await using var roles = await SimulatorHarness.StartAsync(Door.InMemory);
        var sim = roles.Simulator;
        Guid member = sim.RetailerMember.Uuid;
        Guid viewOrder = sim.PermissionUuid(CruxPermissionNames.ViewOrder);

        Assert.Equal("userUuid", (await Assert.ThrowsAsync<ArgumentException>(() => roles.Users.SetPermissionsAsync(Guid.Empty, [viewOrder]))).ParamName);
        Assert.Equal("permissionUuids", (await Assert.ThrowsAsync<ArgumentException>(() => roles.Users.SetPermissionsAsync(member, Array.Empty<Guid>()))).ParamName);
        Assert.Equal("permissionUuids", (await Assert.ThrowsAsync<ArgumentException>(() => roles.Users.SetPermissionsAsync(member, [viewOrder, Guid.Empty]))).ParamName);
        Assert.Equal("permissionUuids", (await Assert.ThrowsAsync<ArgumentNullException>(() => roles.Users.SetPermissionsAsync(member, (IEnumerable<Guid>)null!))).ParamName);
        Assert.Equal("permissionNames", (await Assert.ThrowsAsync<ArgumentException>(() => roles.Users.SetPermissionsAsync(member, Array.Empty<string>()))).ParamName);
        Assert.Equal("permissionUuids", (await Assert.ThrowsAsync<ArgumentException>(() => roles.Users.PlanPermissionChangesAsync(member, Array.Empty<Guid>()))).ParamName);
        Assert.Empty(sim.Requests.Snapshot());
    }

    [Fact]
    public async Task SetPermissionsAsync_EmptySet_SaysThatRemovingEverythingIsRemovePermissionsAsync()
    {
        await using var roles = await SimulatorHarness.StartAsync(Door.InMemory);
        var sim = roles.Simulator;
        Guid member = sim.SupplierMember.Uuid;

        // Empty in the ways a caller writes it: an array, a list, a lazy sequence, by uuid and by name; a one-user plan too.
        ArgumentException[] refusals =
        [
            await Assert.ThrowsAsync<ArgumentException>(() => roles.Users.SetPermissionsAsync(member, Array.Empty<Guid>())),
            await Assert.ThrowsAsync<ArgumentException>(() => roles.Users.SetPermissionsAsync(member, new List<Guid>())),
            await Assert.ThrowsAsync<ArgumentException>(() => roles.Users.SetPermissionsAsync(member, Array.Empty<string>())),
            await Assert.ThrowsAsync<ArgumentException>(() => roles.Users.SetPermissionsAsync(sim.RetailerAdmin.Uuid, Enumerable.Empty<string>())),
            await Assert.ThrowsAsync<ArgumentException>(() => roles.Users.PlanPermissionChangesAsync(member, Array.Empty<Guid>())),
            await Assert.ThrowsAsync<ArgumentException>(() => roles.Users.PlanPermissionChangesAsync(member, Array.Empty<string>())),
        ];

        Assert.All(refusals, e => Assert.Contains("RemovePermissionsAsync", e.Message, StringComparison.Ordinal));
        // A removal's own empty list is not pointed at itself.
        var removal = await Assert.ThrowsAsync<ArgumentException>(() => roles.Users.RemovePermissionsAsync(member, Array.Empty<Guid>()));
        Assert.DoesNotContain("RemovePermissionsAsync", removal.Message, StringComparison.Ordinal);
        Assert.Empty(sim.Requests.Snapshot());
    }

    private static string Body(IEnumerable<Guid> uuids) =>
        $"{{\"permission_uuids\":[{string.Join(",", uuids.Select(u => $"\"{u:D}\""))}]}}";
}
