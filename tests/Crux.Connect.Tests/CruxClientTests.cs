using System.Net;
using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests;

public class CruxClientTests
{
    [Fact]
    public void Constructor_NullArguments_ThrowNamingThem()
    {
        Assert.Equal("httpClient", Assert.Throws<ArgumentNullException>(() => new CruxClient(null!, (CruxClientOptions)Fixtures.Options())).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new CruxClient(new HttpClient(), (CruxClientOptions)null!)).ParamName);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingEveryProblemWithoutTheToken()
    {
        var options = new CruxClientOptions
        {
            ApiToken = "secret\r\nX-Injected: yes",
            BaseAddress = new Uri("http://api.example.com/"),
            AttemptTimeout = TimeSpan.Zero,
        };
        options.Retry.MaxRetries = -1;

        var exception = Assert.Throws<ArgumentException>(() => new CruxClient(new HttpClient(), options));

        Assert.Equal("options", exception.ParamName);
        Assert.Contains("ApiToken contains characters", exception.Message);
        Assert.Contains("must use https", exception.Message);
        Assert.Contains("AttemptTimeout", exception.Message);
        Assert.Contains("Retry.MaxRetries", exception.Message);
        Assert.DoesNotContain("secret", exception.Message);
    }

    [Fact]
    public async Task Constructor_OptionsChangedAfterwards_TheClientKeepsItsSnapshot()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        var options = Fixtures.Options();
        var client = new CruxClient(new HttpClient(handler), options);

        options.ApiToken = "changed";
        options.BaseAddress = new Uri("https://changed.example.com/");
        options.ApiVersion = CruxApiVersion.Timpanogos;
        await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);

        RecordedRequest request = Assert.Single(handler.Requests);
        Assert.Equal("Token " + Fixtures.Token, request.Headers["Authorization"]);
        Assert.Equal("https://api-sandbox.cruxconnect.com/organizations/users/permissions/5de38a8e-800e-4cba-84c5-ee6c27f304d8/", request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Client_NeverDisposesTheInjectedHttpClient()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        using var http = new HttpClient(handler);
        var client = new CruxClient(http, Fixtures.Options());

        await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);
        await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);
        using var again = await http.GetAsync("https://api-sandbox.cruxconnect.com/");

        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public void MockingConstructors_AllowSubclassesThatOverrideEveryOperation()
    {
        var users = new FakeOrganizationUsers();
        var client = new FakeCruxClient(users);

        Assert.Same(users, client.OrganizationUsers);
        Assert.Throws<InvalidOperationException>(() => { _ = new BareOrganizationUsers().GetAllPermissionsAsync(); });
    }

    [Fact]
    public void Results_ToString_ShowsWhatWasSent()
    {
        var result = CruxModelFactory.RemovePermissionsResult(Fixtures.UserUuid, [Fixtures.PermissionA], HttpStatusCode.NoContent);

        Assert.Equal(
            "RemovePermissionsResult { UserUuid = 5de38a8e-800e-4cba-84c5-ee6c27f304d8, PermissionUuids = [2a0295b6-dd74-4239-9988-24fcdb1adcea], StatusCode = 204 }",
            result.ToString());
    }

    private sealed class FakeCruxClient(OrganizationUsersClient users) : CruxClient
    {
        public override OrganizationUsersClient OrganizationUsers => users;
    }

    private sealed class FakeOrganizationUsers : OrganizationUsersClient
    {
        public override Task<RemovePermissionsResult> RemovePermissionsAsync(Guid userUuid, IEnumerable<Guid> permissionUuids, CancellationToken cancellationToken = default) =>
            Task.FromResult(CruxModelFactory.RemovePermissionsResult(userUuid, permissionUuids.ToArray(), HttpStatusCode.NoContent));
    }

    private sealed class BareOrganizationUsers : OrganizationUsersClient
    {
    }
}
