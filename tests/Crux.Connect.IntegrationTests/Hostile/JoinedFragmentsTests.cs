namespace Crux.Connect.IntegrationTests.Hostile;

/// <summary>
/// Redaction looks at the text the user reads, after joining: a server that splits the password over fragments (field
/// messages joined by a space, a key and its value, the detail and the fields) must not get it rebuilt in the message, nor
/// in the properties a caller joins the same way.
/// </summary>
public sealed class JoinedFragmentsTests
{
    public static TheoryData<string, string, int> SplitEchoes() => new()
    {
        { "correct horse battery", """{"password":["correct","horse battery"]}""", 422 },
        { "correct horse battery", """{"password":["correct horse","battery"]}""", 403 },
        { "alpha; beta: gamma9", """{"detail":"alpha","beta":["gamma9"]}""", 422 },
        { "key-one: value-9", """{"key-one":["value-9"]}""", 500 },
        { "left1 middle2 right3", """{"detail":"x","a":["left1","middle2","right3"]}""", 409 },
        { "zz: yy; ww: vv123", """{"zz":["yy"],"ww":["vv123"]}""", 403 },
    };

    [Theory]
    [MemberData(nameof(SplitEchoes))]
    public async Task LoginAnswer_SplitsThePasswordOverFragments_NoSecretOnceJoined(string password, string body, int status)
    {
        await using var server = RawHttpServer.Answering($"HTTP/1.1 {status} Whatever\r\nContent-Type: application/json", body);
        var logs = new CapturingLoggerProvider();
        CruxClient client = Hostile.Client(server.BaseAddress, o =>
        {
            o.ApiToken = null;
            o.Credentials = new CruxCredentials("admin@example.com", password);
            o.Retry.MaxRetries = 0;
        }, logs: logs);

        var exception = await Assert.ThrowsAnyAsync<CruxApiException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        string surface = Hostile.Surface(exception);
        Assert.Contains("***", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(password, surface, StringComparison.Ordinal);
        foreach (KeyValuePair<string, IReadOnlyList<string>> field in exception.FieldErrors)
        {
            Assert.DoesNotContain(password, exception.Detail + "; " + field.Key + ": " + string.Join(" ", field.Value), StringComparison.Ordinal);
            Assert.DoesNotContain(password, field.Key + ": " + string.Join(" ", field.Value), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(password, logs.AllText, StringComparison.Ordinal);
    }
}
