using System.Net;
using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests.Errors;

/// <summary>
/// The one object that carries what the server answered: filled from the answer for every failure status, built only
/// from redacted values, immutable, and safe to log.
/// </summary>
public class CruxResponseDetailsTests
{
    public static TheoryData<int> Statuses => new() { 400, 401, 403, 404, 405, 408, 409, 422, 429, 500, 503 };

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task RemovePermissionsAsync_FailureStatus_DetailsHoldWhatTheServerAnswered(int status)
    {
        var handler = new ScriptedHandler().Then(
            (HttpStatusCode)status,
            "{\"detail\":\"Nope.\",\"user\":[\"Required.\",\"Again.\"]}",
            r =>
            {
                r.Headers.TryAddWithoutValidation("X-Request-Id", "req-" + status);
                r.Headers.TryAddWithoutValidation("Retry-After", "7");
            });
        var client = Fixtures.Client(handler, configure: o => o.Retry.MaxRetries = 0);

        var exception = await Assert.ThrowsAnyAsync<CruxApiException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        CruxResponseDetails details = exception.Details;
        Assert.Equal((HttpStatusCode)status, details.StatusCode);
        Assert.Equal("req-" + status, details.RequestId);
        Assert.Equal("Nope.", details.Detail);
        Assert.Equal(["Required.", "Again."], details.FieldErrors["user"]);
        Assert.Equal(TimeSpan.FromSeconds(7), details.RetryAfter); // whatever the status, as the server said it
        Assert.Equal("{\"detail\":\"Nope.\",\"user\":[\"Required.\",\"Again.\"]}", details.ResponseBody);
        Assert.Null(details.Location);

        // The exception's own properties read from the same object.
        Assert.Equal(details.StatusCode, exception.StatusCode);
        Assert.Same(details.FieldErrors, exception.FieldErrors);
        Assert.Equal(details.RequestId, exception.RequestId);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(422)]
    [InlineData(429)]
    [InlineData(503)]
    public async Task RemovePermissionsAsync_ServerEchoesTheToken_DetailsAndTheirToStringHoldNoToken(int status)
    {
        string echo = $$"""{"detail":"Invalid token {{Fixtures.Token}}.","{{Fixtures.Token}}":["{{Fixtures.Token}}"],"x":["Token {{Fixtures.Token}}"]}""";
        var handler = new ScriptedHandler().Then(
            (HttpStatusCode)status,
            echo,
            r => r.Headers.TryAddWithoutValidation("X-Request-Id", "id-" + Fixtures.Token));
        var client = Fixtures.Client(handler, configure: o => o.Retry.MaxRetries = 0);

        var exception = await Assert.ThrowsAnyAsync<CruxApiException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        CruxResponseDetails details = exception.Details;
        foreach (string? text in TextsOf(details))
        {
            Assert.DoesNotContain(Fixtures.Token, text ?? string.Empty, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(200, "<html>login</html>", "text/html")]
    [InlineData(200, "{\"detail\":\"no\"}", "application/json")]
    [InlineData(202, "not json", "text/plain")]
    public async Task RemovePermissionsAsync_SuccessThatIsNotCrux_DetailsCarryStatusBodyAndRequestId(int status, string body, string contentType)
    {
        var handler = new ScriptedHandler().Then(
            (HttpStatusCode)status,
            null,
            r =>
            {
                r.Content = new StringContent(body, System.Text.Encoding.UTF8, contentType);
                r.Headers.TryAddWithoutValidation("X-Request-Id", "req-invalid");
            });
        var client = Fixtures.Client(handler, configure: o => o.Retry.MaxRetries = 0);

        var exception = await Assert.ThrowsAsync<CruxInvalidResponseException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.Equal((HttpStatusCode)status, exception.Details.StatusCode);
        Assert.Equal(body, exception.Details.ResponseBody);
        Assert.Equal("req-invalid", exception.Details.RequestId);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    public async Task RemovePermissionsAsync_Redirect_DetailsCarryStatusLocationAndRequestId(int status)
    {
        var handler = new ScriptedHandler().Then(
            (HttpStatusCode)status,
            null,
            r =>
            {
                r.Headers.Location = new Uri("https://elsewhere.example/login?next=secret");
                r.Headers.TryAddWithoutValidation("X-Request-Id", "req-moved");
            });
        var client = Fixtures.Client(handler, configure: o => o.Retry.MaxRetries = 0);

        var exception = await Assert.ThrowsAsync<CruxRedirectException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.Equal((HttpStatusCode)status, exception.Details.StatusCode);
        Assert.Equal(exception.Location, exception.Details.Location);
        Assert.StartsWith("https://elsewhere.example/login", exception.Details.Location, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", exception.Details.ToString(), StringComparison.Ordinal);
        Assert.Equal("req-moved", exception.Details.RequestId);
    }

    [Fact]
    public void FieldErrors_AreCopied_SoChangingTheGivenDictionaryChangesNothing()
    {
        var messages = new List<string> { "Required." };
        var fields = new Dictionary<string, IReadOnlyList<string>> { ["user"] = messages };

        var details = new CruxResponseDetails(HttpStatusCode.BadRequest) { FieldErrors = fields };
        fields["other"] = ["Added later."];
        messages.Add("Added later.");

        Assert.Equal(["user"], details.FieldErrors.Keys);
        Assert.Equal(["Required."], details.FieldErrors["user"]);
    }

    [Fact]
    public void FieldErrors_SetToNull_AreEmpty()
    {
        var details = new CruxResponseDetails(HttpStatusCode.BadRequest) { FieldErrors = null! };

        Assert.NotNull(details.FieldErrors);
        Assert.Empty(details.FieldErrors);
    }

    [Fact]
    public void ToString_ShowsStatusIdAndCounts_NeverTheBodyDetailOrFieldMessages()
    {
        var details = new CruxResponseDetails((HttpStatusCode)429)
        {
            RequestId = "req-1\r\nforged: yes",
            Detail = "detail-text",
            FieldErrors = new Dictionary<string, IReadOnlyList<string>> { ["user"] = ["field-message"] },
            RetryAfter = TimeSpan.FromSeconds(30),
            ResponseBody = "body-text",
        };

        string text = details.ToString();

        Assert.Equal("StatusCode = 429, RequestId = req-1\\r\\nforged: yes, RetryAfter = 00:00:30, FieldErrors = 1, ResponseBody = 9 chars", text);
        Assert.DoesNotContain("detail-text", text, StringComparison.Ordinal);
        Assert.DoesNotContain("field-message", text, StringComparison.Ordinal);
        Assert.DoesNotContain("body-text", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_OfAStatusOnly_IsTheStatus()
    {
        Assert.Equal("StatusCode = 404", new CruxResponseDetails(HttpStatusCode.NotFound).ToString());
    }

    private static IEnumerable<string?> TextsOf(CruxResponseDetails details)
    {
        yield return details.ToString();
        yield return details.RequestId;
        yield return details.Detail;
        yield return details.ResponseBody;
        yield return details.Location;
        foreach (KeyValuePair<string, IReadOnlyList<string>> field in details.FieldErrors)
        {
            yield return field.Key;
            foreach (string message in field.Value)
            {
                yield return message;
            }
        }
    }
}
