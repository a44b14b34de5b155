using System.Net;

namespace Crux.Connect.Tests.OrganizationUsers;

/// <summary>The README's Mocking example, verbatim, works for the overloads it implies (by uuid and by name).</summary>
public class ReadmeMockingExampleTests
{
    [Fact]
    public async Task FakeUsers_ByUuidAndByName_ReturnTheFactoryResult()
    {
        var users = new FakeUsers();
        Guid user = Guid.NewGuid();

        RemovePermissionsResult byUuid = await users.RemovePermissionsAsync(user, [Guid.Parse("2a0295b6-dd74-4239-9988-24fcdb1adcea")]);
        RemovePermissionsResult byName = await users.RemovePermissionsAsync(user, ["view_org_users"]);

        Assert.Equal("test", byUuid.RequestId);
        Assert.Equal([Guid.Parse("2a0295b6-dd74-4239-9988-24fcdb1adcea")], byName.PermissionUuids);
        Assert.Equal(HttpStatusCode.NoContent, byName.StatusCode);
    }

    [Fact]
    public void FailureLine_BuildsAnExceptionFromDetails()
    {
        var exception = new CruxNotFoundException("gone", new CruxResponseDetails(HttpStatusCode.NotFound) { RequestId = "test" });

        Assert.Equal("test", exception.RequestId);
        Assert.Equal(HttpStatusCode.NotFound, exception.StatusCode);
    }

    // Copied from docs/testing.md, "Mocking".
    private sealed class FakeUsers : OrganizationUsersClient
    {
        public override Task<RemovePermissionsResult> RemovePermissionsAsync(Guid userUuid, IEnumerable<Guid> permissionUuids, CancellationToken cancellationToken = default) =>
            Task.FromResult(CruxModelFactory.RemovePermissionsResult(userUuid, permissionUuids, HttpStatusCode.NoContent, requestId: "test"));

        // Needed only if the code under test calls the by-name overloads: they resolve names through this catalog.
        public override Task<IReadOnlyList<Permission>> GetAllPermissionsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Permission>>([new Permission(Guid.Parse("2a0295b6-dd74-4239-9988-24fcdb1adcea"), "view_org_users", "View Users", null, null, null)]);
    }
}
