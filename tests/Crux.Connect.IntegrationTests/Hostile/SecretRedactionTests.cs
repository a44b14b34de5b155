using System.Net;
using System.Text;

namespace Crux.Connect.IntegrationTests.Hostile;

/// <summary>
/// The secret a request sent (token or password) never comes back out of the SDK, in whatever form the server echoes it:
/// raw, JSON-escaped, URL-encoded, HTML-encoded, in a request-id header, cut by a cap. Over a raw socket, so the server can
/// send anything.
/// </summary>
public sealed class SecretRedactionTests
{
    public static TheoryData<string, int> PasswordsAndEchoes()
    {
        var data = new TheoryData<string, int>();
        foreach (string password in new[] { "correct&horse+battery'staple", "pässwörd-geheim", "a<b>\"quote\"\\back/slash", "emoji-😀-pass word" })
        {
            for (int echo = 0; echo < 4; echo++)
            {
                data.Add(password, echo);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PasswordsAndEchoes))]
    public async Task Login_ServerEchoesThePasswordInSomeForm_ItIsNowhereInTheExceptionOrTheLogs(string password, int echo)
    {
        string[] forms = Hostile.Forms(password).ToArray();
        await using var server = RawHttpServer.Start((request, stream, ct) =>
        {
            string body = echo switch
            {
                0 => request.BodyText, // the request body as sent, JSON-escaped by System.Text.Json
                1 => $$"""{"password":["{{forms[2]}}"],"detail":"{{forms[1]}}"}""",
                2 => $$"""{"non_field_errors":["bad {{forms[5]}} and {{forms[6]}}"]}""",
                _ => $"<html><body>Password {forms[7]} rejected</body></html>",
            };
            return RawHttpServer.WriteAsync(stream, $"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nX-Request-Id: id-{Uri.EscapeDataString(password)}", body, ct);
        });
        var logs = new CapturingLoggerProvider();
        CruxClient client = Hostile.Client(server.BaseAddress, o =>
        {
            o.ApiToken = null;
            o.Credentials = new CruxCredentials("admin@example.com", password);
        }, logs: logs);

        var exception = await Assert.ThrowsAsync<CruxAuthenticationException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        Assert.Contains("***", Hostile.Surface(exception)); // the echo was there, and was redacted
        Hostile.AssertNoSecret(password, Hostile.Surface(exception), "the exception");
        Hostile.AssertNoSecret(password, logs.AllText, "the logs");
    }

    [Theory]
    [InlineData("X-Request-Id")]
    [InlineData("X-Correlation-Id")]
    [InlineData("Request-Id")]
    public async Task TokenEchoedInARequestIdHeader_IsRedactedInRequestIdMessageAndLogs(string header)
    {
        await using var server = RawHttpServer.Answering($"HTTP/1.1 403 Forbidden\r\n{header}: req-{Hostile.Token}-{Uri.EscapeDataString(Hostile.Token)}", """{"detail":"no"}""");
        var logs = new CapturingLoggerProvider();
        CruxClient client = Hostile.Client(server.BaseAddress, logs: logs);

        var exception = await Assert.ThrowsAsync<CruxPermissionDeniedException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, Hostile.Permissions));

        Assert.Equal("req-***-***", exception.RequestId);
        Hostile.AssertNoSecret(Hostile.Token, Hostile.Surface(exception), "the exception");
        Hostile.AssertNoSecret(Hostile.Token, logs.AllText, "the logs");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task TokenEchoedEscapedInDetailAndFields_IsRedactedAfterDecoding(int form)
    {
        string echoed = Hostile.Forms(Hostile.Token).ElementAt(form + 1);
        await using var server = RawHttpServer.Answering(
            "HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json",
            $$"""{"detail":"Invalid token {{echoed}}.","token":["{{echoed}}"],"{{echoed}}":["as a key"]}""");
        var logs = new CapturingLoggerProvider();
        CruxClient client = Hostile.Client(server.BaseAddress, logs: logs);

        var exception = await Assert.ThrowsAsync<CruxAuthenticationException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        Assert.Equal("Invalid token ***.", exception.Detail);
        Hostile.AssertNoSecret(Hostile.Token, Hostile.Surface(exception), "the exception");
        Hostile.AssertNoSecret(Hostile.Token, logs.AllText, "the logs");
    }

    [Fact]
    public async Task RotatingTokens_ConcurrentFailures_EachRedactsTheTokenItsRequestSent()
    {
        // The server echoes the Authorization header it received; the provider hands out a new token on every call.
        await using var server = RawHttpServer.Start((request, stream, ct) =>
            RawHttpServer.WriteAsync(stream, "HTTP/1.1 403 Forbidden\r\nContent-Type: application/json", $$"""{"detail":"{{request.Headers["authorization"]}} may not"}""", ct));
        var provider = new RotatingProvider();
        CruxClient client = Hostile.Client(server.BaseAddress, o =>
        {
            o.ApiToken = null;
            o.TokenProvider = provider;
        });

        Exception[] failures = await Task.WhenAll(Enumerable.Range(0, 60).Select(async _ =>
            (Exception)await Assert.ThrowsAsync<CruxPermissionDeniedException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, Hostile.Permissions))));

        Assert.True(provider.Issued.Count > 1);
        foreach (Exception failure in failures)
        {
            Assert.Contains("Token *** may not", failure.Message);
            foreach (string token in provider.Issued)
            {
                Assert.DoesNotContain(token, Hostile.Surface(failure));
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task SuccessBodyThatIsNotJson_EchoingTheToken_IsRedactedInTheInvalidResponseException(int form)
    {
        string echoed = Hostile.Forms(Hostile.Token).ElementAt(form);
        await using var server = RawHttpServer.Answering("HTTP/1.1 200 OK\r\nContent-Type: text/html", $"<html>proxy saw token {echoed}</html>");
        CruxClient client = Hostile.Client(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        Assert.Contains("proxy saw token ***", exception.ResponseBody);
        Hostile.AssertNoSecret(Hostile.Token, exception.ResponseBody + exception, "the exception");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(30)]
    public async Task TokenCutByTheResponseBodyCap_LeavesNoPrefixBehind(int keptCharacters)
    {
        const int Cap = 64 * 1024;
        string body = new string('x', Cap - keptCharacters) + Hostile.Token + new string('y', 100);
        await using var server = RawHttpServer.Answering("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain", body);
        CruxClient client = Hostile.Client(server.BaseAddress, o => o.Retry.MaxRetries = 0);

        var exception = await Assert.ThrowsAsync<CruxServerException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        string kept = exception.ResponseBody!;
        Assert.EndsWith("(truncated)", kept);
        Assert.DoesNotContain(Hostile.Token[..keptCharacters] + "…", kept);
        Assert.Contains("***", kept);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\u2028")]
    [InlineData("\u001b[31m")]
    [InlineData("\u0085")]
    [InlineData("\u202e")]
    public async Task ControlCharactersInServerText_NeverReachAMessageOrALogLineUnescaped(string control)
    {
        string forged = $"denied{control}2026-12-02 INFO Crux.Connect: all permissions removed";
        await using var server = RawHttpServer.Answering(
            "HTTP/1.1 403 Forbidden\r\nContent-Type: application/json; charset=utf-8\r\nX-Request-Id: req\u0001id",
            $$"""{"detail":{{System.Text.Json.JsonSerializer.Serialize(forged)}},"field":[{{System.Text.Json.JsonSerializer.Serialize(forged)}}]}""");
        var logs = new CapturingLoggerProvider();
        CruxClient client = Hostile.Client(server.BaseAddress, logs: logs);

        var exception = await Assert.ThrowsAsync<CruxPermissionDeniedException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, Hostile.Permissions));

        Assert.Equal(forged, exception.Detail); // the data itself is kept for programs
        AssertNoControl(exception.Message);
        Assert.Contains("denied", exception.Message);
        foreach (string record in logs.Records)
        {
            AssertNoControl(record.Split(" || ")[0]);
        }
    }

    private static void AssertNoControl(string text)
    {
        foreach (char c in text)
        {
            Assert.False(char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202e', $"U+{(int)c:X4} in: {text}");
        }
    }

    private sealed class RotatingProvider : ICruxTokenProvider
    {
        private int _next;

        public System.Collections.Concurrent.ConcurrentBag<string> Issued { get; } = new();

        public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
        {
            await Task.Yield();
            string token = $"rotating-token-{Interlocked.Increment(ref _next):D4}-{Guid.NewGuid():N}";
            Issued.Add(token);
            return token;
        }

        public ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken) => default;
    }
}
