using System.Net;
using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests.OrganizationUsers;

public class OrganizationUsersClientWireTests
{
    private const string ExpectedBody = "{\"permission_uuids\":[\"2a0295b6-dd74-4239-9988-24fcdb1adcea\",\"05a46c58-9d13-4912-9167-7effc2cc7482\"]}";

    [Fact]
    public async Task RemovePermissionsAsync_TwoUuids_SendsTheDocumentedDeleteExactly()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler);

        RemovePermissionsResult result = await client.OrganizationUsers.RemovePermissionsAsync(
            Fixtures.UserUuid, [Fixtures.PermissionA, Fixtures.PermissionB]);

        RecordedRequest request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("https://api-sandbox.cruxconnect.com/organizations/users/permissions/5de38a8e-800e-4cba-84c5-ee6c27f304d8/", request.Uri.AbsoluteUri);
        Assert.Equal(ExpectedBody, request.BodyText);
        Assert.Equal(request.Body!.Length, request.ContentLength);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("Token " + Fixtures.Token, request.Headers["Authorization"]);
        Assert.Equal("application/json", request.Headers["Accept"]);
        Assert.Matches(@"^Crux\.Connect/\d+\.\d+\.\d+[^ ]* \(\.NET [^;]+; [A-Za-z]+\)$", request.Headers["User-Agent"]);
        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Equal(Fixtures.UserUuid, result.UserUuid);
        Assert.Equal([Fixtures.PermissionA, Fixtures.PermissionB], result.PermissionUuids);
    }

    [Fact]
    public async Task AddPermissionsAsync_TwoUuids_SendsPatchWithTheSameBody()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, "{\"permissions\":[]}");
        var client = Fixtures.Client(handler);

        AddPermissionsResult result = await client.OrganizationUsers.AddPermissionsAsync(
            Fixtures.UserUuid, [Fixtures.PermissionA, Fixtures.PermissionB]);

        RecordedRequest request = Assert.Single(handler.Requests);
        Assert.Equal("PATCH", request.Method.Method);
        Assert.Equal("/organizations/users/permissions/5de38a8e-800e-4cba-84c5-ee6c27f304d8/", request.Uri.AbsolutePath);
        Assert.Equal(ExpectedBody, request.BodyText);
        Assert.Equal(request.Body!.Length, request.ContentLength);
        Assert.Equal("Token " + Fixtures.Token, request.Headers["Authorization"]);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
    }

    [Fact]
    public async Task RemovePermissionsAsync_DuplicatesAndUppercaseInput_SendsEachOnceLowercaseInOrder()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler);

        var result = await client.OrganizationUsers.RemovePermissionsAsync(
            Fixtures.UserUuid,
            new List<Guid> { Fixtures.PermissionB, Fixtures.PermissionA, Fixtures.PermissionB, Fixtures.PermissionA });

        Assert.Equal(
            "{\"permission_uuids\":[\"05a46c58-9d13-4912-9167-7effc2cc7482\",\"2a0295b6-dd74-4239-9988-24fcdb1adcea\"]}",
            Assert.Single(handler.Requests).BodyText);
        Assert.Equal([Fixtures.PermissionB, Fixtures.PermissionA], result.PermissionUuids);
    }

    [Fact]
    public async Task RemovePermissionsAsync_ManyUuidsFromALazySequence_DeduplicatesBeyondTheLinearScan()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler);
        Guid[] distinct = Enumerable.Range(1, 40).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();

        var result = await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, distinct.Concat(Enumerable.Reverse(distinct)).Select(g => g));

        Assert.Equal(distinct, result.PermissionUuids);
        string body = Assert.Single(handler.Requests).BodyText;
        Assert.Equal(40, body.Split(',').Length);
        Assert.StartsWith("{\"permission_uuids\":[\"00000001-0000-0000-0000-000000000000\"", body);
    }

    [Fact]
    public async Task RemovePermissionsAsync_CallerMutatesItsArrayAfterwards_ResultKeepsWhatWasSent()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler);
        Guid[] input = [Fixtures.PermissionA];

        var result = await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, input);
        input[0] = Fixtures.PermissionB;

        Assert.Equal([Fixtures.PermissionA], result.PermissionUuids);
    }

    [Theory]
    [InlineData("https://gw.example.com/crux/", CruxApiVersion.V1, "https://gw.example.com/crux/organizations/users/permissions/5de38a8e-800e-4cba-84c5-ee6c27f304d8/")]
    [InlineData("https://gw.example.com/crux", CruxApiVersion.V1, "https://gw.example.com/crux/organizations/users/permissions/5de38a8e-800e-4cba-84c5-ee6c27f304d8/")]
    [InlineData("https://api.cruxconnect.com", CruxApiVersion.Timpanogos, "https://api.cruxconnect.com/timp/organizations/users/permissions/5de38a8e-800e-4cba-84c5-ee6c27f304d8/")]
    [InlineData("https://gw.example.com/a/b", CruxApiVersion.Timpanogos, "https://gw.example.com/a/b/timp/organizations/users/permissions/5de38a8e-800e-4cba-84c5-ee6c27f304d8/")]
    [InlineData("http://127.0.0.1:5000/", CruxApiVersion.V1, "http://127.0.0.1:5000/organizations/users/permissions/5de38a8e-800e-4cba-84c5-ee6c27f304d8/")]
    public async Task RemovePermissionsAsync_BaseAddressAndVersion_BuildTheDocumentedPath(string baseAddress, CruxApiVersion version, string expected)
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler, configure: o =>
        {
            o.BaseAddress = new Uri(baseAddress);
            o.ApiVersion = version;
        });

        await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);

        Assert.Equal(expected, Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task RemovePermissionsAsync_HttpClientHasItsOwnBaseAddress_OptionsBaseAddressWins()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://elsewhere.example.com/x/") };
        var client = new CruxClient(http, Fixtures.Options());

        await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);

        Assert.Equal("api-sandbox.cruxconnect.com", Assert.Single(handler.Requests).Uri.Host);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Created)]
    [InlineData(HttpStatusCode.Accepted)]
    [InlineData(HttpStatusCode.NoContent)]
    public async Task RemovePermissionsAsync_AnySuccessStatus_ReturnsItOnTheResult(HttpStatusCode status)
    {
        var handler = new ScriptedHandler().Then(status, status == HttpStatusCode.NoContent ? null : """{"permissions":[]}""");
        var client = Fixtures.Client(handler);

        var result = await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);

        Assert.Equal(status, result.StatusCode);
    }

    [Fact]
    public async Task GetPermissionsAsync_DocumentedAnswer_MapsEveryFieldAndToleratesMissingOptionalOnes()
    {
        const string answer = """
            {"permissions":[
              {"assigned":true,"permission":{"uuid":"5b7906fd-23dd-4fe1-8e50-778819d145ad","name":"view_org_users","display_name":"View Users",
               "description":"Ability to see the users in an organization","visibility":"BOTH","grouping":"ORGUSERS","extra":{"ignored":1}}},
              {"assigned":false,"permission":{"uuid":"2a0295b6-dd74-4239-9988-24fcdb1adcea","name":"edit_org_users"}}
            ],"unknown":"ignored"}
            """;
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, answer);
        var client = Fixtures.Client(handler);

        IReadOnlyList<PermissionAssignment> permissions = await client.OrganizationUsers.GetPermissionsAsync(Fixtures.UserUuid);

        RecordedRequest request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Null(request.Body);
        Assert.Equal("/organizations/users/permissions/5de38a8e-800e-4cba-84c5-ee6c27f304d8/", request.Uri.AbsolutePath);
        Assert.Equal("Token " + Fixtures.Token, request.Headers["Authorization"]);
        Assert.Equal(2, permissions.Count);
        Assert.Equal(
            new PermissionAssignment(true, new Permission(Guid.Parse("5b7906fd-23dd-4fe1-8e50-778819d145ad"), "view_org_users", "View Users",
                "Ability to see the users in an organization", "BOTH", "ORGUSERS")),
            permissions[0]);
        Assert.Equal(new PermissionAssignment(false, new Permission(Fixtures.PermissionA, "edit_org_users", null, null, null, null)), permissions[1]);
    }

    [Fact]
    public async Task GetAllPermissionsAsync_DocumentedArray_MapsInOrder()
    {
        const string answer = """
            [{"uuid":"5b7906fd-23dd-4fe1-8e50-778819d145ad","name":"view_org_users","display_name":"View Users","description":"d","visibility":"BOTH","grouping":"ORGUSERS"},
             {"uuid":"2a0295b6-dd74-4239-9988-24fcdb1adcea","name":"edit_org_users","display_name":"Edit Users","description":"e"}]
            """;
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, answer);
        var client = Fixtures.Client(handler, configure: o => o.ApiVersion = CruxApiVersion.Timpanogos);

        IReadOnlyList<Permission> permissions = await client.OrganizationUsers.GetAllPermissionsAsync();

        Assert.Equal("/timp/organizations/all_permissions/", Assert.Single(handler.Requests).Uri.AbsolutePath);
        Assert.Equal(["view_org_users", "edit_org_users"], permissions.Select(p => p.Name));
        Assert.Null(permissions[1].Visibility);
        Assert.Equal("Edit Users", permissions[1].DisplayName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Bad gateway</body></html>")]
    [InlineData("{\"permissions\":")]
    [InlineData("null")]
    [InlineData("{\"results\":[]}")]
    [InlineData("{\"permissions\":[{\"assigned\":true}]}")]
    [InlineData("{\"permissions\":[{\"assigned\":true,\"permission\":{\"name\":\"x\"}}]}")]
    [InlineData("{\"permissions\":[{\"assigned\":true,\"permission\":{\"uuid\":\"not-a-uuid\",\"name\":\"x\"}}]}")]
    [InlineData("{\"permissions\":[null]}")]
    [InlineData("[1,2,3]")]
    public async Task GetPermissionsAsync_SuccessWithABodyThatIsNotTheDocumentedJson_RaisesCruxInvalidResponseException(string body)
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.OK, body);
        var client = Fixtures.Client(handler);

        var exception = await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.GetPermissionsAsync(Fixtures.UserUuid));

        Assert.Equal(HttpStatusCode.OK, exception.StatusCode);
        Assert.Contains("GetPermissions GET /organizations/users/permissions/", exception.Message);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task GetAllPermissionsAsync_BodyOverTheSuccessCap_RaisesWithoutReadingItAll()
    {
        var stream = new CountingStream(fill: (byte)'[', length: 64L * 1024 * 1024);
        var handler = new ScriptedHandler().Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) }));
        var client = Fixtures.Client(handler);

        var exception = await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        Assert.Contains("larger than 4 MiB", exception.Message);
        Assert.True(stream.BytesRead <= (4 * 1024 * 1024) + (64 * 1024), $"read {stream.BytesRead} bytes");
        Assert.True(exception.ResponseBody!.Length <= (64 * 1024) + 20);
    }
}
