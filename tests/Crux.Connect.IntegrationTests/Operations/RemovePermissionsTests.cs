using System.Net;
using Crux.Connect.Testing;

namespace Crux.Connect.IntegrationTests.Operations;

public sealed class RemovePermissionsTests
{
    [Theory]
    [MemberData(nameof(Wirings.AllWithVersions), MemberType = typeof(Wirings))]
    public async Task RemovePermissionsAsync_AdminRemovesTwo_ServerNoLongerAssignsExactlyThose(Wiring wiring, CruxApiVersion version)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var member = sim.SupplierMember;
        Guid exportOrder = sim.PermissionUuid("export_order");
        Guid cancelOrder = sim.PermissionUuid("cancel_order");
        var users = live.Connect(wiring, sim.SupplierAdmin.Token, version);

        RemovePermissionsResult result = await users.RemovePermissionsAsync(member.Uuid, [exportOrder, cancelOrder]);

        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Equal(member.Uuid, result.UserUuid);
        Assert.Equal([exportOrder, cancelOrder], result.PermissionUuids);
        Assert.Equal(["view_org_users", "view_order", "view_items"], sim.GetAssignedPermissionNames(member.Uuid));
        var logged = Assert.Single(sim.Requests.Snapshot());
        Assert.Equal("DELETE", logged.Method);
        Assert.Equal(live.LoggedPermissionsPath(member.Uuid, version), logged.Path);
        Assert.Equal(SimulatorHarness.TransportOf(wiring), logged.Transport);
        Assert.Equal(HttpStatusCode.NoContent, logged.ResponseStatus);
    }

    [Theory]
    [MemberData(nameof(Wirings.All), MemberType = typeof(Wirings))]
    public async Task RemovePermissionsAsync_AnyWiring_BodyIsExactJsonWithContentLengthNotChunked(Wiring wiring)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        Guid viewOrder = sim.PermissionUuid("view_order");
        Guid exportOrder = sim.PermissionUuid("export_order");
        var users = live.Connect(wiring, sim.SupplierAdmin.Token);

        await users.RemovePermissionsAsync(sim.SupplierMember.Uuid, [viewOrder, exportOrder]);

        // What a Django service behind WSGI needs: a DELETE body it can read, framed by Content-Length.
        var logged = sim.Requests.Last!;
        Assert.Equal($"{{\"permission_uuids\":[\"{viewOrder:D}\",\"{exportOrder:D}\"]}}", logged.BodyText);
        Assert.False(logged.IsChunked);
        Assert.Equal(logged.Body.Length, logged.ContentLength);
        Assert.Null(logged.Header("Transfer-Encoding"));
        Assert.StartsWith("application/json", logged.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovePermissionsAsync_OverTheSocket_SendsTokenSchemeAcceptAndUserAgent()
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var users = live.Connect(Wiring.Constructor, sim.SupplierAdmin.Token);

        await users.RemovePermissionsAsync(sim.SupplierMember.Uuid, [sim.PermissionUuid("view_items")]);

        var logged = sim.Requests.Last!;
        Assert.Equal("http", logged.Transport);
        Assert.Equal($"Token {RecordedRequest.Redacted}", logged.Header("Authorization"));
        Assert.Equal("application/json", logged.Header("Accept"));
        Assert.StartsWith("Crux.Connect/", logged.Header("User-Agent"), StringComparison.Ordinal);
        Assert.Equal($"127.0.0.1:{live.ServerAddress.Port}", logged.Header("Host"));
    }

    [Fact]
    public async Task RemovePermissionsAsync_DuplicatesAndUppercaseInput_SentOnceLowercaseInCallerOrder()
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        Guid viewItems = sim.PermissionUuid("view_items");
        Guid viewOrder = sim.PermissionUuid("view_order");
        var users = live.Connect(Wiring.Constructor, sim.SupplierAdmin.Token);

        RemovePermissionsResult result = await users.RemovePermissionsAsync(
            sim.SupplierMember.Uuid, [viewItems, viewOrder, Guid.Parse(viewItems.ToString("D").ToUpperInvariant())]);

        Assert.Equal([viewItems, viewOrder], result.PermissionUuids);
        Assert.Equal($"{{\"permission_uuids\":[\"{viewItems:D}\",\"{viewOrder:D}\"]}}", sim.Requests.Last!.BodyText);
        Assert.DoesNotContain("view_items", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
        Assert.DoesNotContain("view_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
    }

    [Fact]
    public async Task RemovePermissionsAsync_Repeated_SucceedsAgainAndLeavesTheSameState()
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        Guid cancelOrder = sim.PermissionUuid("cancel_order");
        var users = live.Connect(Wiring.Constructor, sim.SupplierAdmin.Token);

        var first = await users.RemovePermissionsAsync(sim.SupplierMember.Uuid, [cancelOrder]);
        var afterFirst = sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid);
        var second = await users.RemovePermissionsAsync(sim.SupplierMember.Uuid, [cancelOrder]);

        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(afterFirst, sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
        Assert.DoesNotContain("cancel_order", afterFirst);
        Assert.Equal(2, sim.Requests.Count);
    }

    [Fact]
    public async Task RemovePermissionsAsync_RetailerAdminOnRetailerMember_RemovesRetailerOnlyPermission()
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        sim.Assign(sim.RetailerMember.Uuid, "create_order");
        var users = live.Connect(Wiring.Constructor, sim.RetailerAdmin.Token);

        await users.RemovePermissionsAsync(sim.RetailerMember.Uuid, [sim.PermissionUuid("create_order")]);

        Assert.Equivalent(CruxSimulator.MemberPermissions, sim.GetAssignedPermissionNames(sim.RetailerMember.Uuid), strict: true);
    }

    [Fact]
    public async Task RemovePermissionsAsync_OneSharedClientManyUsersConcurrently_EachUserLosesOnlyItsOwn()
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var members = sim.AddUsers(sim.Supplier, 40, [.. CruxSimulator.MemberPermissions]);
        string[] names = ["view_order", "export_order", "cancel_order", "view_items"];
        var users = live.Connect(Wiring.AddCruxConnect, sim.SupplierAdmin.Token);

        // User i loses permission names[i % 4]: a mixed-up body or path would show in the final state.
        await Task.WhenAll(members.Select((m, i) => users.RemovePermissionsAsync(m.Uuid, [sim.PermissionUuid(names[i % names.Length])])));

        for (int i = 0; i < members.Count; i++)
        {
            var expected = CruxSimulator.MemberPermissions.Where(n => n != names[i % names.Length]);
            Assert.Equivalent(expected, sim.GetAssignedPermissionNames(members[i].Uuid), strict: true);
        }

        Assert.All(sim.Requests.Snapshot(), r => Assert.False(r.IsChunked));
        Assert.Equal(members.Count, sim.Requests.Count);
    }

    [Fact]
    public async Task RemovePermissionsAsync_EmptyPermissionList_ThrowsArgumentExceptionAndNothingReachesTheServer()
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var users = live.Connect(Wiring.Constructor, sim.SupplierAdmin.Token);

        var e = await Assert.ThrowsAnyAsync<ArgumentException>(() => users.RemovePermissionsAsync(sim.SupplierMember.Uuid, Array.Empty<Guid>()));

        Assert.Equal("permissionUuids", e.ParamName);
        Assert.Empty(sim.Requests.Snapshot());
        Assert.Equivalent(CruxSimulator.MemberPermissions, sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid), strict: true);
    }
}
