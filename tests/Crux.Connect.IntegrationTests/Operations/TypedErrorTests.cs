using System.Net;
using Crux.Connect.Testing;

namespace Crux.Connect.IntegrationTests.Operations;

/// <summary>
/// Typed errors raised by the simulator's real rules (not injected faults): each maps to one exception type with the
/// server's detail and request id, is not retried, and changes nothing.
/// </summary>
public sealed class TypedErrorTests
{
    [Theory]
    [MemberData(nameof(Wirings.AllWithVersions), MemberType = typeof(Wirings))]
    public async Task RemovePermissionsAsync_UnknownToken_ThrowsAuthenticationExceptionWithDetailAndRequestId(Wiring wiring, CruxApiVersion version)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        const string token = "0123456789abcdef0123456789abcdef01234567";
        var users = live.Connect(wiring, token, version);

        var e = await Assert.ThrowsAsync<CruxAuthenticationException>(
            () => users.RemovePermissionsAsync(sim.SupplierMember.Uuid, [sim.PermissionUuid("view_order")]));

        AssertAnsweredOnce(sim, e, HttpStatusCode.Unauthorized, "Invalid token.");
        Assert.Equal(live.LoggedPermissionsPath(sim.SupplierMember.Uuid, version), sim.Requests.Last!.Path);
        Assert.DoesNotContain(token, e.ToString(), StringComparison.Ordinal);
        Assert.Equivalent(CruxSimulator.MemberPermissions, sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid), strict: true);
    }

    [Theory]
    [MemberData(nameof(Wirings.AllWithVersions), MemberType = typeof(Wirings))]
    public async Task RemovePermissionsAsync_ViewerWithoutEditOrgUsers_ThrowsPermissionDeniedExceptionAndChangesNothing(Wiring wiring, CruxApiVersion version)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var users = live.Connect(wiring, sim.SupplierViewer.Token, version);

        var e = await Assert.ThrowsAsync<CruxPermissionDeniedException>(
            () => users.RemovePermissionsAsync(sim.SupplierMember.Uuid, [sim.PermissionUuid("view_order")]));

        AssertAnsweredOnce(sim, e, HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
        Assert.Contains("view_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
    }

    [Theory]
    [MemberData(nameof(Wirings.All), MemberType = typeof(Wirings))]
    public async Task AddPermissionsAsync_ViewerWithoutEditOrgUsers_ThrowsPermissionDeniedException(Wiring wiring)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var users = live.Connect(wiring, sim.RetailerViewer.Token);

        var e = await Assert.ThrowsAsync<CruxPermissionDeniedException>(
            () => users.AddPermissionsAsync(sim.RetailerMember.Uuid, [sim.PermissionUuid("create_order")]));

        AssertAnsweredOnce(sim, e, HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
        Assert.DoesNotContain("create_order", sim.GetAssignedPermissionNames(sim.RetailerMember.Uuid));
    }

    [Theory]
    [MemberData(nameof(Wirings.All), MemberType = typeof(Wirings))]
    public async Task GetAllPermissionsAsync_UserWithoutViewOrgUsers_ThrowsPermissionDeniedException(Wiring wiring)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var editorOnly = sim.AddUser(sim.Supplier, "editor@supplier.example", "editor-password", CruxSimulator.EditOrgUsers);
        var users = live.Connect(wiring, editorOnly.Token);

        var e = await Assert.ThrowsAsync<CruxPermissionDeniedException>(() => users.GetAllPermissionsAsync());

        AssertAnsweredOnce(sim, e, HttpStatusCode.Forbidden, "You do not have permission to perform this action.");
    }

    [Theory]
    [MemberData(nameof(Wirings.All), MemberType = typeof(Wirings))]
    public async Task RemovePermissionsAsync_UnknownUser_ThrowsNotFoundException(Wiring wiring)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var users = live.Connect(wiring, sim.SupplierAdmin.Token);

        var e = await Assert.ThrowsAsync<CruxNotFoundException>(
            () => users.RemovePermissionsAsync(Guid.NewGuid(), [sim.PermissionUuid("view_order")]));

        AssertAnsweredOnce(sim, e, HttpStatusCode.NotFound, "Not found.");
    }

    [Theory]
    [MemberData(nameof(Wirings.All), MemberType = typeof(Wirings))]
    public async Task GetPermissionsAsync_UserOfAnotherOrganization_ThrowsNotFoundException(Wiring wiring)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var users = live.Connect(wiring, sim.SupplierAdmin.Token);

        var e = await Assert.ThrowsAsync<CruxNotFoundException>(() => users.GetPermissionsAsync(sim.RetailerMember.Uuid));

        AssertAnsweredOnce(sim, e, HttpStatusCode.NotFound, "Not found.");
    }

    [Theory]
    [MemberData(nameof(Wirings.AllWithVersions), MemberType = typeof(Wirings))]
    public async Task RemovePermissionsAsync_UnknownPermissionUuidAmongValidOnes_ThrowsUnprocessableEntityAndRemovesNothing(Wiring wiring, CruxApiVersion version)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var unknown = Guid.NewGuid();
        var users = live.Connect(wiring, sim.SupplierAdmin.Token, version);

        var e = await Assert.ThrowsAsync<CruxUnprocessableEntityException>(
            () => users.RemovePermissionsAsync(sim.SupplierMember.Uuid, [sim.PermissionUuid("view_order"), unknown]));

        AssertAnsweredOnce(sim, e, HttpStatusCode.UnprocessableEntity, $"Permission {unknown:D} does not exist.");
        Assert.Equivalent(CruxSimulator.MemberPermissions, sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid), strict: true);
    }

    [Theory]
    [MemberData(nameof(Wirings.All), MemberType = typeof(Wirings))]
    public async Task AddPermissionsAsync_RetailerOnlyPermissionForSupplierUser_ThrowsOrganizationTypeException(Wiring wiring)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var users = live.Connect(wiring, sim.SupplierAdmin.Token);

        var e = await Assert.ThrowsAsync<CruxOrganizationTypeException>(
            () => users.AddPermissionsAsync(sim.SupplierMember.Uuid, [sim.PermissionUuid("create_order")]));

        AssertAnsweredOnce(sim, e, HttpStatusCode.Conflict, "Permission \"create_order\" is not available to SUPPLIER organizations.");
        Assert.DoesNotContain("create_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
    }

    [Fact]
    public async Task RemovePermissionsAsync_SupplierOnlyPermissionFromRetailerUser_ThrowsOrganizationTypeException()
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var users = live.Connect(Wiring.Constructor, sim.RetailerAdmin.Token, CruxApiVersion.Timpanogos);

        var e = await Assert.ThrowsAsync<CruxOrganizationTypeException>(
            () => users.RemovePermissionsAsync(sim.RetailerMember.Uuid, [sim.PermissionUuid("view_order"), sim.PermissionUuid("edit_items")]));

        AssertAnsweredOnce(sim, e, HttpStatusCode.Conflict, "Permission \"edit_items\" is not available to RETAILER organizations.");
        Assert.Contains("view_order", sim.GetAssignedPermissionNames(sim.RetailerMember.Uuid));
    }

    [Theory]
    [MemberData(nameof(Wirings.All), MemberType = typeof(Wirings))]
    public async Task RemovePermissionsAsync_ServerAnswers400WithDrfFieldErrors_ThrowsBadRequestExceptionWithFieldErrors(Wiring wiring)
    {
        // The simulator's own 400s (no body, empty list, a non-uuid item) cannot be provoked through the SDK, which
        // refuses such input before sending; so the 400 a server could still answer is queued with the simulator's
        // DRF-shaped body, to prove how it arrives over the wire.
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        sim.Faults.FailNext(1, HttpStatusCode.BadRequest, body: "{\"permission_uuids\":{\"0\":[\"Must be a valid UUID.\"]},\"non_field_errors\":[\"Invalid data.\"]}");
        var users = live.Connect(wiring, sim.SupplierAdmin.Token);

        var e = await Assert.ThrowsAsync<CruxBadRequestException>(
            () => users.RemovePermissionsAsync(sim.SupplierMember.Uuid, [sim.PermissionUuid("view_order")]));

        AssertAnsweredOnce(sim, e, HttpStatusCode.BadRequest, expectedDetail: null);
        Assert.Equal(["Must be a valid UUID."], e.FieldErrors["permission_uuids.0"]);
        Assert.Equal(["Invalid data."], e.FieldErrors["non_field_errors"]);
        Assert.Contains("view_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
    }

    [Fact]
    public async Task RemovePermissionsAsync_PermissionDenied_MessageNamesOperationPathDetailAndRequestId()
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var users = live.Connect(Wiring.Constructor, sim.SupplierViewer.Token);

        var e = await Assert.ThrowsAsync<CruxPermissionDeniedException>(
            () => users.RemovePermissionsAsync(sim.SupplierMember.Uuid, [sim.PermissionUuid("view_order")]));

        Assert.Contains("RemovePermissions", e.Message, StringComparison.Ordinal);
        Assert.Contains(live.LoggedPermissionsPath(sim.SupplierMember.Uuid), e.Message, StringComparison.Ordinal);
        Assert.Contains(e.Detail!, e.Message, StringComparison.Ordinal);
        Assert.Contains(e.RequestId!, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sim.SupplierViewer.Token, e.ToString(), StringComparison.Ordinal);
        Assert.Equal("{\"detail\":\"You do not have permission to perform this action.\"}", e.ResponseBody);
    }

    /// <summary>The exception carries the answer's status, detail and request id, and the SDK did not retry.</summary>
    private static void AssertAnsweredOnce(CruxSimulator sim, CruxApiException e, HttpStatusCode expectedStatus, string? expectedDetail)
    {
        var logged = Assert.Single(sim.Requests.Snapshot());
        Assert.Equal(expectedStatus, e.StatusCode);
        Assert.Equal(expectedStatus, logged.ResponseStatus);
        Assert.Equal(expectedDetail, e.Detail);
        Assert.False(string.IsNullOrEmpty(e.RequestId));
        Assert.Equal(logged.RequestId, e.RequestId);
    }
}
