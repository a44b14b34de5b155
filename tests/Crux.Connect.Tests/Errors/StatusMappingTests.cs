using System.Net;
using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests.Errors;

/// <summary>Every row of API.md's status table (and the undocumented ones) maps to exactly one outcome.</summary>
public class StatusMappingTests
{
    public static TheoryData<int, Type> FailureStatuses => new()
    {
        { 400, typeof(CruxBadRequestException) },
        { 401, typeof(CruxAuthenticationException) },
        { 403, typeof(CruxPermissionDeniedException) },
        { 404, typeof(CruxNotFoundException) },
        { 405, typeof(CruxApiException) },
        { 408, typeof(CruxRequestTimeoutException) },
        { 409, typeof(CruxOrganizationTypeException) },
        { 415, typeof(CruxApiException) },
        { 418, typeof(CruxApiException) },
        { 422, typeof(CruxUnprocessableEntityException) },
        { 429, typeof(CruxRateLimitException) },
        { 500, typeof(CruxServerException) },
        { 501, typeof(CruxServerException) },
        { 502, typeof(CruxServerException) },
        { 503, typeof(CruxServerException) },
        { 504, typeof(CruxServerException) },
    };

    [Theory]
    [MemberData(nameof(FailureStatuses))]
    public async Task RemovePermissionsAsync_FailureStatus_RaisesItsExceptionWithDetailAndRequestId(int status, Type expected)
    {
        var handler = new ScriptedHandler().Then(
            (HttpStatusCode)status,
            "{\"detail\":\"Something specific.\"}",
            r => r.Headers.TryAddWithoutValidation("X-Request-Id", "req-123"));
        var client = Fixtures.Client(handler, configure: o => o.Retry.MaxRetries = 0);

        var exception = await Assert.ThrowsAnyAsync<CruxApiException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.Equal(expected, exception.GetType());
        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal("Something specific.", exception.Detail);
        Assert.Empty(exception.FieldErrors);
        Assert.Equal("{\"detail\":\"Something specific.\"}", exception.ResponseBody);
        Assert.Equal("req-123", exception.RequestId);
        Assert.Contains($"answered {status}", exception.Message);
        Assert.Contains("RemovePermissions DELETE /organizations/users/permissions/5de38a8e-800e-4cba-84c5-ee6c27f304d8/", exception.Message);
        Assert.Contains("Something specific.", exception.Message);
        Assert.Contains("req-123", exception.Message);
        Assert.DoesNotContain(Fixtures.Token, exception.ToString());
    }

    [Fact]
    public async Task RemovePermissionsAsync_ValidationErrors_FillFieldErrorsIncludingNonFieldAndNested()
    {
        const string body = """
            {"permission_uuids":{"0":["Must be a valid UUID."],"2":["Must be a valid UUID.","Again."]},
             "non_field_errors":["Unable to comply."],"user":["Required."],"count":[3]}
            """;
        var handler = new ScriptedHandler().Then(HttpStatusCode.BadRequest, body);
        var client = Fixtures.Client(handler);

        var exception = await Assert.ThrowsAsync<CruxBadRequestException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.Null(exception.Detail);
        Assert.Equal(["Must be a valid UUID."], exception.FieldErrors["permission_uuids.0"]);
        Assert.Equal(["Must be a valid UUID.", "Again."], exception.FieldErrors["permission_uuids.2"]);
        Assert.Equal(["Unable to comply."], exception.FieldErrors["non_field_errors"]);
        Assert.Equal(["Required."], exception.FieldErrors["user"]);
        Assert.Equal(["3"], exception.FieldErrors["count"]);
        Assert.Contains("non_field_errors: Unable to comply.", exception.Message);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task RemovePermissionsAsync_ListOfObjectsAndBareList_FlattenByIndex()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.BadRequest, "{\"items\":[{\"uuid\":[\"Bad.\"]},{}]}")
            .Then(HttpStatusCode.BadRequest, "[\"First.\",\"Second.\"]");
        var client = Fixtures.Client(handler);

        var first = await Assert.ThrowsAsync<CruxBadRequestException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));
        var second = await Assert.ThrowsAsync<CruxBadRequestException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.Equal(["Bad."], first.FieldErrors["items.0.uuid"]);
        Assert.Equal(["First.", "Second."], second.FieldErrors["non_field_errors"]);
    }

    [Theory]
    [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html")]
    [InlineData("upstream connect error", "text/plain")]
    [InlineData("{\"detail\": ", "application/json")]
    [InlineData("{\"detail\": 42}", "application/json")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]", "application/json")]
    public async Task RemovePermissionsAsync_ErrorBodyThatIsNotDrfJson_KeepsTheRawBodyAndNeverLeaksJsonException(string body, string contentType)
    {
        var handler = new ScriptedHandler().Then((_, _) => Task.FromResult(ScriptedHandler.Response(HttpStatusCode.Forbidden, body, contentType)));
        var client = Fixtures.Client(handler);

        var exception = await Assert.ThrowsAsync<CruxPermissionDeniedException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.Equal(body, exception.ResponseBody);
        Assert.Null(exception.Detail);
        Assert.Null(exception.InnerException);
    }

    [Fact]
    public async Task RemovePermissionsAsync_EmptyErrorBody_HasNullBodyAndAStillUsefulMessage()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NotFound);
        var client = Fixtures.Client(handler);

        var exception = await Assert.ThrowsAsync<CruxNotFoundException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.Null(exception.ResponseBody);
        Assert.Null(exception.RequestId);
        Assert.StartsWith("Crux Connect answered 404 (Not Found) to RemovePermissions DELETE /organizations/users/permissions/", exception.Message);
    }

    [Fact]
    public async Task RemovePermissionsAsync_HugeErrorBody_ReadsOnlyTheCap()
    {
        var stream = new CountingStream(fill: (byte)'x', length: 50L * 1024 * 1024);
        var handler = new ScriptedHandler().Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StreamContent(stream) }));
        var client = Fixtures.Client(handler);

        var exception = await Assert.ThrowsAsync<CruxBadRequestException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.True(stream.BytesRead <= 64 * 1024 + 1, $"read {stream.BytesRead} bytes of a 50 MB body");
        Assert.EndsWith("…(truncated)", exception.ResponseBody);
        Assert.Equal(64 * 1024, exception.ResponseBody!.Length - "…(truncated)".Length);
        Assert.True(exception.Message.Length < 2048, "the message carries a short excerpt only");
    }

    [Fact]
    public async Task RemovePermissionsAsync_ServerEchoesTheToken_TheExceptionRedactsIt()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.Unauthorized, "{\"detail\":\"Invalid token " + Fixtures.Token + ".\"}");
        var client = Fixtures.Client(handler);

        var exception = await Assert.ThrowsAsync<CruxAuthenticationException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.Equal("Invalid token ***.", exception.Detail);
        Assert.DoesNotContain(Fixtures.Token, exception.ToString());
        Assert.DoesNotContain(Fixtures.Token, exception.ResponseBody);
    }

    [Theory]
    [InlineData("X-Correlation-Id")]
    [InlineData("Request-Id")]
    public async Task RemovePermissionsAsync_OtherRequestIdHeaders_AreKept(string header)
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.Conflict, null, r => r.Headers.TryAddWithoutValidation(header, "abc"));
        var client = Fixtures.Client(handler);

        var exception = await Assert.ThrowsAsync<CruxOrganizationTypeException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.Equal("abc", exception.RequestId);
    }

    [Fact]
    public async Task RemovePermissionsAsync_429WithRetryAfterAndRetriesOff_CarriesTheServersValueUncapped()
    {
        var handler = new ScriptedHandler().Then((HttpStatusCode)429, null, r => r.Headers.TryAddWithoutValidation("Retry-After", "120"));
        var client = Fixtures.Client(handler, configure: o => o.Retry.MaxRetries = 0);

        var exception = await Assert.ThrowsAsync<CruxRateLimitException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.Equal(TimeSpan.FromSeconds(120), exception.RetryAfter);
    }

    [Fact]
    public async Task GetPermissionsAsync_FailureStatus_IsMappedLikeTheWrites()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.Forbidden, "{\"detail\":\"You do not have permission to perform this action.\"}");
        var client = Fixtures.Client(handler);

        var exception = await Assert.ThrowsAsync<CruxPermissionDeniedException>(() => client.OrganizationUsers.GetPermissionsAsync(Fixtures.UserUuid));

        Assert.Equal("You do not have permission to perform this action.", exception.Detail);
        Assert.Contains("GetPermissions GET", exception.Message);
    }
}
