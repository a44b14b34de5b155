using System.Net;
using Crux.Connect.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.OrganizationUsers;

public class ByNameTests
{
    private static readonly Guid EditOrgUsers = Guid.Parse("6f6e0a3c-1111-4b5e-9d3a-0c6a1e2f3a01");
    private static readonly Guid ViewOrder = Guid.Parse("6f6e0a3c-2222-4b5e-9d3a-0c6a1e2f3a02");
    private static readonly Guid CreateOrder = Guid.Parse("6f6e0a3c-3333-4b5e-9d3a-0c6a1e2f3a03");

    private static RoutingHandler Server(Func<string> catalog) => new(r => r.Path.EndsWith("/all_permissions/", StringComparison.Ordinal)
        ? RoutingHandler.Json(catalog())
        : new HttpResponseMessage(HttpStatusCode.NoContent));

    private static string TwoPermissions() => RoutingHandler.Catalog((EditOrgUsers, CruxPermissionNames.EditOrgUsers), (ViewOrder, CruxPermissionNames.ViewOrder));

    [Fact]
    public async Task RemovePermissionsAsync_Names_SendsTheResolvedUuidsInTheCallersOrder()
    {
        var server = Server(TwoPermissions);
        CruxClient client = Fixtures.Client(server);

        RemovePermissionsResult result = await client.OrganizationUsers.RemovePermissionsAsync(
            Fixtures.UserUuid, [CruxPermissionNames.ViewOrder, CruxPermissionNames.EditOrgUsers, CruxPermissionNames.ViewOrder]);

        Assert.Equal([ViewOrder, EditOrgUsers], result.PermissionUuids);
        SeenRequest delete = Assert.Single(server.Requests, r => r.Method == "DELETE");
        Assert.Equal($$"""{"permission_uuids":["{{ViewOrder:D}}","{{EditOrgUsers:D}}"]}""", delete.Body);
    }

    [Fact]
    public async Task AddPermissionsAsync_Names_SendsPatchWithTheResolvedUuids()
    {
        var server = Server(TwoPermissions);
        CruxClient client = Fixtures.Client(server);

        AddPermissionsResult result = await client.OrganizationUsers.AddPermissionsAsync(Fixtures.UserUuid, [CruxPermissionNames.EditOrgUsers]);

        Assert.Equal([EditOrgUsers], result.PermissionUuids);
        Assert.Equal(1, server.Count("PATCH", "/"));
    }

    [Fact]
    public async Task RemovePermissionsAsync_SecondCallWithinLifetime_ReadsTheCatalogOnce()
    {
        var time = new FakeTimeProvider();
        var server = Server(TwoPermissions);
        CruxClient client = Fixtures.Client(server, time);

        await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [CruxPermissionNames.EditOrgUsers]);
        time.Advance(TimeSpan.FromMinutes(9));
        await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [CruxPermissionNames.ViewOrder]);

        Assert.Equal(1, server.Count("GET", "/all_permissions/"));
        Assert.Equal(2, server.Count("DELETE", "/"));
    }

    [Fact]
    public async Task RemovePermissionsAsync_AfterLifetime_ReadsTheCatalogAgainAndUsesTheNewUuid()
    {
        var time = new FakeTimeProvider();
        Guid renumbered = Guid.Parse("6f6e0a3c-4444-4b5e-9d3a-0c6a1e2f3a04");
        string catalog = TwoPermissions();
        var server = Server(() => catalog);
        CruxClient client = Fixtures.Client(server, time, o => o.PermissionCatalogLifetime = TimeSpan.FromMinutes(5));

        await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [CruxPermissionNames.EditOrgUsers]);
        catalog = RoutingHandler.Catalog((renumbered, CruxPermissionNames.EditOrgUsers));
        time.Advance(TimeSpan.FromMinutes(5));
        RemovePermissionsResult second = await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [CruxPermissionNames.EditOrgUsers]);

        Assert.Equal(2, server.Count("GET", "/all_permissions/"));
        Assert.Equal([renumbered], second.PermissionUuids);
    }

    [Fact]
    public async Task RemovePermissionsAsync_NameAddedSinceTheCatalogWasRead_ReadsItAgainEarly()
    {
        string catalog = TwoPermissions();
        var server = Server(() => catalog);
        CruxClient client = Fixtures.Client(server, new FakeTimeProvider());

        await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [CruxPermissionNames.EditOrgUsers]);
        catalog = RoutingHandler.Catalog((EditOrgUsers, CruxPermissionNames.EditOrgUsers), (CreateOrder, CruxPermissionNames.CreateOrder));
        RemovePermissionsResult result = await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [CruxPermissionNames.CreateOrder]);

        Assert.Equal([CreateOrder], result.PermissionUuids);
        Assert.Equal(2, server.Count("GET", "/all_permissions/"));
    }

    [Fact]
    public async Task RemovePermissionsAsync_UnknownName_ThrowsListingUnknownAndValidNamesAndRemovesNothing()
    {
        var server = Server(TwoPermissions);
        CruxClient client = Fixtures.Client(server, new FakeTimeProvider());
        await client.OrganizationUsers.ResolvePermissionNamesAsync([CruxPermissionNames.ViewOrder]);

        var exception = await Assert.ThrowsAsync<CruxUnknownPermissionException>(() =>
            client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [CruxPermissionNames.EditOrgUsers, "edit_everything", "Edit_Org_Users"]));

        Assert.Equal("permissionNames", exception.ParamName);
        Assert.IsAssignableFrom<ArgumentException>(exception);
        Assert.Equal(["edit_everything", "Edit_Org_Users"], exception.UnknownNames);
        Assert.Equal([CruxPermissionNames.EditOrgUsers, CruxPermissionNames.ViewOrder], exception.ValidNames);
        Assert.Contains("'edit_everything'", exception.Message);
        Assert.Contains("'Edit_Org_Users'", exception.Message);
        Assert.Contains("'edit_org_users', 'view_order'", exception.Message);
        Assert.Equal(0, server.Count("DELETE", "/"));

        // The miss read the catalog once more (a permission may have been created since), then gave up.
        Assert.Equal(2, server.Count("GET", "/all_permissions/"));
    }

    public static TheoryData<int> BadNameLists => new() { 0, 1, 2, 3 };

    [Theory]
    [MemberData(nameof(BadNameLists))]
    public async Task RemovePermissionsAsync_EmptyOrBlankNames_ThrowsBeforeAnyRequest(int which)
    {
        string?[] names = which switch
        {
            0 => [],
            1 => ["view_order", ""],
            2 => [" "],
            _ => ["view_order", null],
        };
        var server = Server(TwoPermissions);
        CruxClient client = Fixtures.Client(server);

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, names!));

        Assert.Equal("permissionNames", exception.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RemovePermissionsAsync_NullNamesOrEmptyUser_ThrowsBeforeAnyRequest()
    {
        var server = Server(TwoPermissions);
        CruxClient client = Fixtures.Client(server);

        var nullNames = await Assert.ThrowsAsync<ArgumentNullException>(() => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, (IEnumerable<string>)null!));
        var emptyUser = await Assert.ThrowsAsync<ArgumentException>(() => client.OrganizationUsers.RemovePermissionsAsync(Guid.Empty, [CruxPermissionNames.ViewOrder]));

        Assert.Equal("permissionNames", nullNames.ParamName);
        Assert.Equal("userUuid", emptyUser.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task ResolvePermissionNamesAsync_ConcurrentFirstCalls_ReadTheCatalogOnce()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new RoutingHandler(async r =>
        {
            await release.Task;
            return RoutingHandler.Json(TwoPermissions());
        });
        CruxClient client = Fixtures.Client(server);

        Task<IReadOnlyList<Guid>>[] calls = Enumerable.Range(0, 8)
            .Select(_ => client.OrganizationUsers.ResolvePermissionNamesAsync([CruxPermissionNames.ViewOrder]))
            .ToArray();
        release.SetResult();
        IReadOnlyList<Guid>[] results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.Equal([ViewOrder], r));
        Assert.Equal(1, server.Count("GET", "/all_permissions/"));
    }

    [Fact]
    public void CruxPermissionNames_All_HoldsEveryDocumentedNameOnce()
    {
        Assert.Equal(21, CruxPermissionNames.All.Count);
        Assert.Equal(21, CruxPermissionNames.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("edit_org_users", CruxPermissionNames.All);
        Assert.Contains("edit_supplier_catalogs", CruxPermissionNames.All);
    }
}
