using System.Net;

namespace Crux.Connect.Tests.OrganizationUsers;

/// <summary>
/// The mocks of docs/testing.md ("Mocking"), used with every overload they imply: the one that overrides the by-uuid removal
/// alone says, on a by-name call, which method to override; the one that also overrides GetAllPermissionsAsync serves both.
/// </summary>
public sealed class MockingExampleTests
{
    private static readonly Permission EditOrgUsers = new(Guid.NewGuid(), CruxPermissionNames.EditOrgUsers, null, null, "BOTH", null);
    private static readonly Permission ViewOrder = new(Guid.NewGuid(), CruxPermissionNames.ViewOrder, null, null, "BOTH", null);

    [Theory]
    [InlineData("remove")]
    [InlineData("add")]
    [InlineData("resolve")]
    public async Task ByNameCall_OnAMockWithoutTheCatalog_SaysToOverrideGetAllPermissionsAsync(string call)
    {
        var users = new FakeUsers();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => call switch
        {
            "remove" => users.RemovePermissionsAsync(Guid.NewGuid(), [CruxPermissionNames.EditOrgUsers]),
            "add" => users.AddPermissionsAsync(Guid.NewGuid(), [CruxPermissionNames.EditOrgUsers]),
            _ => users.ResolvePermissionNamesAsync([CruxPermissionNames.EditOrgUsers]),
        });

        Assert.Contains("GetAllPermissionsAsync", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ByNameAndByUuid_OnTheMockWithTheCatalog_BothReachTheOverride()
    {
        var users = new FakeUsersWithCatalog();
        Guid user = Guid.NewGuid();

        RemovePermissionsResult byName = await users.RemovePermissionsAsync(user, [CruxPermissionNames.EditOrgUsers, CruxPermissionNames.ViewOrder]);
        RemovePermissionsResult byUuid = await users.RemovePermissionsAsync(user, [ViewOrder.Uuid]);

        Assert.Equal([EditOrgUsers.Uuid, ViewOrder.Uuid], byName.PermissionUuids);
        Assert.Equal([ViewOrder.Uuid], byUuid.PermissionUuids);
        Assert.Equal("test", byName.RequestId);
        await Assert.ThrowsAsync<CruxUnknownPermissionException>(() => users.RemovePermissionsAsync(user, ["no_such_permission"]));
    }

    // As docs/testing.md shows it.
    private class FakeUsers : OrganizationUsersClient
    {
        public override Task<RemovePermissionsResult> RemovePermissionsAsync(Guid userUuid, IEnumerable<Guid> permissionUuids, CancellationToken cancellationToken = default) =>
            Task.FromResult(CruxModelFactory.RemovePermissionsResult(userUuid, permissionUuids, HttpStatusCode.NoContent, requestId: "test"));
    }

    private sealed class FakeUsersWithCatalog : FakeUsers
    {
        public override Task<IReadOnlyList<Permission>> GetAllPermissionsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Permission>>([EditOrgUsers, ViewOrder]);
    }
}
