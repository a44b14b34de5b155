using static Crux.Connect.IntegrationTests.Answers.CruxLikeServer;

namespace Crux.Connect.IntegrationTests.Answers;

/// <summary>
/// Issue 19, "a success is Crux's success, not a proxy's": a change answered 2xx with a body that is not Crux's
/// (a WAF or login page, not JSON, JSON that is not an object, an error shape) is never reported done, by any caller.
/// </summary>
public sealed class ChangeAnswerTests
{
    private const string WafPage = "<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. Please consult with your administrator.<br><br>Your support ID is: 1234567890</body></html>";
    private const string LoginPage = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in</title></head><body><form method=\"post\" action=\"/sso/login\"><input name=\"username\"><input type=\"password\" name=\"password\"></form></body></html>";

    public static TheoryData<int, string?, string> NotCrux => new()
    {
        { 200, "text/html", WafPage },
        { 200, null, WafPage },
        { 201, "text/html; charset=utf-8", LoginPage },
        { 200, "application/json", LoginPage },
        { 202, null, "  <?xml version=\"1.0\"?><error>blocked</error>" },
        { 200, "text/plain", "Request Rejected" },
        { 200, "text/plain", """{"permissions":[]}""" },
        { 200, "application/json", "[]" },
        { 201, "application/json", "[{\"uuid\":\"x\"}]" },
        { 200, "application/json", "\"ok\"" },
        { 201, null, "42" },
        { 200, "application/json", "null" },
        { 200, "application/json", "true" },
        { 200, "application/json", """{"detail":"Authentication credentials were not provided."}""" },
        { 201, "application/json", """{"Error":"Forbidden"}""" },
        { 200, "application/json", """{"errors":[{"code":"blocked"}]}""" },
        { 200, "application/json", """{"non_field_errors":["Invalid."]}""" },
        { 200, "application/json", """{"status":"blocked","success":false}""" },
        { 200, "application/problem+json", """{"title":"Forbidden","status":403}""" },
        { 200, "application/json", """{"permissions":[],"Permissions":[]}""" },
        { 200, "application/json", """{"permissions":[""" },
        { 201, "application/json", "{} trailing" },
    };

    public static TheoryData<int, string?, string> Crux => new()
    {
        { 204, null, string.Empty },
        { 200, null, string.Empty },
        { 200, "application/json", string.Empty },
        { 200, "text/html", "  \r\n" },
        { 200, "application/json", "{}" },
        { 201, "application/json; charset=utf-8", $$"""{"permissions":[{"assigned":true,"permission":{{Permission(ViewOrder, "view_order")}}}]}""" },
        { 200, null, """{"status":"ok","success":true}""" },
        { 202, "application/vnd.crux+json", """{"message":"Permissions removed."}""" },
    };

    [Theory]
    [MemberData(nameof(NotCrux))]
    public async Task RemoveAndAdd_SuccessWithABodyThatIsNotCrux_RaiseCruxInvalidResponseException(int status, string? contentType, string body)
    {
        await using RawHttpServer server = Start(status, contentType, body);
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);

        var removed = await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.Hostile.User, [ViewOrder]));
        var added = await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.AddPermissionsAsync(Hostile.Hostile.User, [EditItems]));

        Assert.Equal(status, (int)removed.StatusCode);
        Assert.Equal(status, (int)added.StatusCode);
        Assert.Contains("RemovePermissions DELETE", removed.Message, StringComparison.Ordinal);
        Assert.Equal(2, Changes(server)); // not retried
    }

    [Theory]
    [MemberData(nameof(Crux))]
    public async Task RemoveAndAdd_SuccessThatCruxCouldSend_IsTheSuccess(int status, string? contentType, string body)
    {
        await using RawHttpServer server = Start(status, contentType, body);
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);

        RemovePermissionsResult removed = await client.OrganizationUsers.RemovePermissionsAsync(Hostile.Hostile.User, [ViewOrder]);
        AddPermissionsResult added = await client.OrganizationUsers.AddPermissionsAsync(Hostile.Hostile.User, [EditItems]);

        Assert.Equal(status, (int)removed.StatusCode);
        Assert.Equal(status, (int)added.StatusCode);
    }

    [Theory]
    [InlineData(200, "text/html")]
    [InlineData(201, null)]
    public async Task SetPermissions_TheChangeAnsweredWithAWafPage_IsNotDone(int status, string? contentType)
    {
        await using RawHttpServer server = Start(status, contentType, WafPage);
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);

        // view_order must go (DELETE), edit_items must come (PATCH): the DELETE's WAF page ends it before the PATCH.
        await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.SetPermissionsAsync(Hostile.Hostile.User, [EditItems]));
        Assert.Equal(1, Changes(server));

        // By name: the same.
        await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.SetPermissionsAsync(Hostile.Hostile.User, ["edit_items"]));
    }

    [Theory]
    [InlineData(200, "text/html", WafPage)]
    [InlineData(201, "application/json", """{"detail":"Not allowed."}""")]
    [InlineData(200, "application/json", "[]")]
    public async Task BulkRemove_EveryChangeAnsweredWithAPageThatIsNotCrux_EveryUserFailed(int status, string? contentType, string body)
    {
        await using RawHttpServer server = Start(status, contentType, body);
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);
        Guid[] users = Enumerable.Range(1, 5).Select(i => new Guid(i, 1, 1, new byte[8])).ToArray();

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(users, [ViewOrder]);
        CruxBulkResult<AddPermissionsResult> added = await client.OrganizationUsers.AddPermissionsToUsersAsync(users, ["edit_items"]);

        Assert.Equal(0, result.Succeeded);
        Assert.All(result.Outcomes, o => Assert.IsType<CruxInvalidResponseException>(o.Exception));
        Assert.Equal(0, added.Succeeded);
        Assert.All(added.Outcomes, o => Assert.IsType<CruxInvalidResponseException>(o.Exception));
    }

    [Theory]
    [InlineData(200, "text/html", WafPage)]
    [InlineData(201, null, LoginPage)]
    [InlineData(200, "application/json", """{"errors":["blocked"]}""")]
    public async Task ApplyPlan_TheChangeAnsweredWithAPageThatIsNotCrux_TheUserFailedNotDone(int status, string? contentType, string body)
    {
        await using RawHttpServer server = Start(status, contentType, body);
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);
        PermissionChangePlan plan = await client.OrganizationUsers.PlanPermissionChangesAsync(Hostile.Hostile.User, [EditItems]);

        CruxBulkResult<AppliedPermissionChange> applied = await client.OrganizationUsers.ApplyPermissionChangesAsync(PermissionChangePlan.FromJson(plan.ToJson()));

        CruxBulkOutcome<AppliedPermissionChange> outcome = Assert.Single(applied.Outcomes);
        Assert.False(outcome.IsSuccess);
        Assert.IsType<CruxInvalidResponseException>(outcome.Exception);
    }

    [Fact]
    public async Task SetPermissions_ThePatchAnsweredWithAWafPageAfterTheDelete_IsAPartialChangeNotDone()
    {
        await using RawHttpServer server = RawHttpServer.Start((request, stream, ct) => request.Method switch
        {
            "GET" => RawHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json", UserRead, ct),
            "DELETE" => RawHttpServer.WriteAsync(stream, "HTTP/1.1 204 No Content", string.Empty, ct),
            _ => RawHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: text/html", WafPage, ct),
        });
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);

        var partial = await Assert.ThrowsAsync<CruxPartialPermissionChangeException>(() => client.OrganizationUsers.SetPermissionsAsync(Hostile.Hostile.User, [EditItems]));

        Assert.IsType<CruxInvalidResponseException>(partial.InnerException);
    }
}
