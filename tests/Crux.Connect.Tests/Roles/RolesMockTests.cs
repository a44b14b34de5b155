using System.Net;

namespace Crux.Connect.Tests.Roles;

/// <summary>A client created for mocking has no connection: the role methods go through the virtual single-user methods it overrides.</summary>
public sealed class RolesMockTests
{
    private static readonly Permission ViewOrgUsers = new(Guid.NewGuid(), "view_org_users", null, null, "BOTH", null);
    private static readonly Permission ViewOrder = new(Guid.NewGuid(), "view_order", null, null, "BOTH", null);
    private static readonly Permission CreateOrder = new(Guid.NewGuid(), "create_order", null, null, "RETAILER", null);
    private static readonly Permission EditItems = new(Guid.NewGuid(), "edit_items", null, null, "SUPPLIER", null);

    [Fact]
    public async Task SetPermissionsAsync_OnAMock_ReadsThenRemovesThenAddsThroughTheOverriddenMethods()
    {
        var users = new FakeUsers { Held = { ViewOrgUsers.Uuid, CreateOrder.Uuid } };
        Guid user = Guid.NewGuid();

        SetPermissionsResult result = await users.SetPermissionsAsync(user, [ViewOrgUsers.Uuid, ViewOrder.Uuid]);

        Assert.Equal([$"GET {user}", $"DELETE {user} {CreateOrder.Uuid}", $"PATCH {user} {ViewOrder.Uuid}"], users.Calls);
        Assert.Equal([CreateOrder], result.Removed);
        Assert.Equal([ViewOrder], result.Added);
        Assert.Equal([ViewOrgUsers], result.Unchanged);
        Assert.Null(result.ReadRequestId);
        Assert.Null(result.RemoveRequestId);
        Assert.Null(result.AddRequestId);
        Assert.Equal(new[] { ViewOrgUsers.Uuid, ViewOrder.Uuid }.Order(), users.Held.Order());
    }

    [Fact]
    public async Task SetPermissionsAsync_AddFailsAfterTheRemoval_ThrowsPartialCarryingWhatWasRemoved()
    {
        var failure = new CruxServerException("down", new CruxResponseDetails(HttpStatusCode.ServiceUnavailable));
        var users = new FakeUsers { Held = { CreateOrder.Uuid }, AddFailure = failure };

        var partial = await Assert.ThrowsAsync<CruxPartialPermissionChangeException>(() => users.SetPermissionsAsync(Guid.NewGuid(), [ViewOrder.Uuid]));

        Assert.Equal([CreateOrder], partial.Removed);
        Assert.Equal([ViewOrder], partial.NotAdded);
        Assert.Same(failure, partial.InnerException);
        Assert.Contains("running the same change again completes it", partial.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetPermissionsAsync_AddFailsWithNothingRemoved_ThrowsTheFailureItself()
    {
        var failure = new CruxServerException("down", new CruxResponseDetails(HttpStatusCode.ServiceUnavailable));
        var users = new FakeUsers { AddFailure = failure };

        var thrown = await Assert.ThrowsAsync<CruxServerException>(() => users.SetPermissionsAsync(Guid.NewGuid(), [ViewOrder.Uuid]));

        Assert.Same(failure, thrown);
    }

    [Fact]
    public async Task SetPermissionsAsync_PermissionNotListedForTheUser_ThrowsBeforeAnyChange()
    {
        var users = new FakeUsers { Held = { CreateOrder.Uuid } };
        Guid user = Guid.NewGuid();

        var exception = await Assert.ThrowsAsync<CruxPermissionsNotAvailableException>(() => users.SetPermissionsAsync(user, [ViewOrder.Uuid, EditItems.Uuid]));

        Assert.Equal([EditItems.Uuid], exception.PermissionUuids);
        Assert.Empty(exception.PermissionNames);
        Assert.Equal([$"GET {user}"], users.Calls);
    }

    [Fact]
    public async Task SetPermissionsAsync_ByNameWithAPermissionNotListedForTheUser_NamesItByName()
    {
        var users = new FakeUsers();

        var exception = await Assert.ThrowsAsync<CruxPermissionsNotAvailableException>(() =>
            users.SetPermissionsAsync(Guid.NewGuid(), [CruxPermissionNames.ViewOrder, CruxPermissionNames.EditItems]));

        Assert.Equal([EditItems.Uuid], exception.PermissionUuids);
        Assert.Equal([CruxPermissionNames.EditItems], exception.PermissionNames);
        Assert.Contains($"edit_items ({EditItems.Uuid:D})", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(users.Calls, c => c.StartsWith("DELETE", StringComparison.Ordinal) || c.StartsWith("PATCH", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyPermissionChangesAsync_OnAMock_CallsTheOverriddenSetPermissionsOncePerUserAndFlagsDrift()
    {
        var users = new FakeUsers { Held = { CreateOrder.Uuid } };
        Guid first = Guid.NewGuid();
        Guid second = Guid.NewGuid();
        var plan = new PermissionChangePlan(
            [
                new UserPermissionPlan(first, [ViewOrder], [CreateOrder], [ViewOrder], []),
                new UserPermissionPlan(second, [ViewOrder], [], [ViewOrder], []),
            ],
            [],
            DateTimeOffset.UnixEpoch);

        CruxBulkResult<AppliedPermissionChange> result = await users.ApplyPermissionChangesAsync(plan, new CruxBulkOptions { MaxConcurrency = 1 });

        Assert.Equal([first, second], result.Outcomes.Select(o => o.UserUuid));
        Assert.Equal([false, true], result.Outcomes.Select(o => o.Result!.Drifted));
    }

    [Fact]
    public void ToString_PlanWithAFailure_IsATableThenTheUserNotPlanned()
    {
        Guid user = Guid.Parse("0b4c5e2a-0000-4000-8000-000000000001");
        Guid missing = Guid.Parse("0b4c5e2a-0000-4000-8000-000000000002");
        var plan = new PermissionChangePlan(
            [new UserPermissionPlan(user, [ViewOrgUsers, ViewOrder], [CreateOrder], [ViewOrder], [ViewOrgUsers])],
            [new CruxBulkOutcome<UserPermissionPlan>(missing, null, new CruxNotFoundException("Not found."))],
            new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));

        string[] lines = plan.ToString().Split(Environment.NewLine);

        Assert.Equal(
            [
                "Permission change plan of 2026-12-02 06:00:00Z: 2 users, 1 to change (1 removals, 1 additions), 0 already as desired, 1 not planned",
                "| user                                 | remove       | add        | keep           |",
                "|--------------------------------------|--------------|------------|----------------|",
                "| 0b4c5e2a-0000-4000-8000-000000000001 | create_order | view_order | view_org_users |",
                "not planned: 0b4c5e2a-0000-4000-8000-000000000002: CruxNotFoundException: Not found.",
            ],
            lines);
    }

    [Fact]
    public void ToJson_Plan_WritesSnakeCaseWithUuidAndNamePerPermission()
    {
        Guid user = Guid.Parse("0b4c5e2a-0000-4000-8000-000000000001");
        var plan = new PermissionChangePlan(
            [new UserPermissionPlan(user, [ViewOrder], [], [ViewOrder], [])], [], new DateTimeOffset(2026, 12, 2, 6, 0, 0, TimeSpan.Zero));

        string json = plan.ToJson();

        Assert.Contains("\"version\": 1", json, StringComparison.Ordinal);
        Assert.Contains("\"created_at\": \"2026-12-02T06:00:00+00:00\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"user_uuid\": \"{user:D}\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"uuid\": \"{ViewOrder.Uuid:D}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"view_order\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("visibility", json, StringComparison.Ordinal);
        Assert.Equal(plan.ToString(), PermissionChangePlan.FromJson(json).ToString());
    }

    /// <summary>One user's permissions in memory; the user's organization can hold every permission above but edit_items (a supplier's).</summary>
    private sealed class FakeUsers : OrganizationUsersClient
    {
        private static readonly Permission[] Catalog = [ViewOrgUsers, ViewOrder, CreateOrder];

        public HashSet<Guid> Held { get; } = [];

        public List<string> Calls { get; } = [];

        public Exception? AddFailure { get; init; }

        /// <summary>The environment's catalog, which has edit_items (for suppliers).</summary>
        public override Task<IReadOnlyList<Permission>> GetAllPermissionsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Permission>>([.. Catalog, EditItems]);

        public override Task<IReadOnlyList<PermissionAssignment>> GetPermissionsAsync(Guid userUuid, CancellationToken cancellationToken = default)
        {
            Calls.Add($"GET {userUuid}");
            return Task.FromResult<IReadOnlyList<PermissionAssignment>>([.. Catalog.Select(p => new PermissionAssignment(Held.Contains(p.Uuid), p))]);
        }

        public override Task<RemovePermissionsResult> RemovePermissionsAsync(Guid userUuid, IEnumerable<Guid> permissionUuids, CancellationToken cancellationToken = default)
        {
            Guid[] uuids = [.. permissionUuids];
            Calls.Add($"DELETE {userUuid} {string.Join(",", uuids)}");
            Held.ExceptWith(uuids);
            return Task.FromResult(CruxModelFactory.RemovePermissionsResult(userUuid, uuids, HttpStatusCode.NoContent));
        }

        public override Task<AddPermissionsResult> AddPermissionsAsync(Guid userUuid, IEnumerable<Guid> permissionUuids, CancellationToken cancellationToken = default)
        {
            Guid[] uuids = [.. permissionUuids];
            Calls.Add($"PATCH {userUuid} {string.Join(",", uuids)}");
            if (AddFailure is not null)
            {
                return Task.FromException<AddPermissionsResult>(AddFailure);
            }

            Held.UnionWith(uuids);
            return Task.FromResult(CruxModelFactory.AddPermissionsResult(userUuid, uuids, HttpStatusCode.OK));
        }
    }
}
