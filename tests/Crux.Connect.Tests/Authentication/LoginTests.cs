using System.Net;
using System.Text.Json;
using Crux.Connect.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Crux.Connect.Tests.Authentication;

public class LoginTests
{
    private const string Username = "buyer@retailer.example";
    private const string Password = "correct-horse-battery-staple";

    private static CruxClient Client(RoutingHandler server, ILoggerFactory? loggerFactory = null) =>
        new(new HttpClient(server), new CruxClientOptions { Credentials = new CruxCredentials(Username, Password) }, loggerFactory, null);

    private static HttpResponseMessage LoginAnswer(string token) =>
        RoutingHandler.Json($$"""{"auth_token":"{{token}}","org_uuid":"3f0c0e4e-0000-4000-8000-000000000001","user_uuid":"3f0c0e4e-0000-4000-8000-000000000002","retailer_uuid":"3f0c0e4e-0000-4000-8000-000000000001","supplier_uuid":"","org_type":"RETAILER","permission_assignments":{"view_org_users":true} }""");

    private static bool IsLogin(SeenRequest r) => r.Path.EndsWith("/user-login/", StringComparison.Ordinal);

    [Fact]
    public async Task FirstCall_WithCredentials_LogsInWithoutAuthorizationThenSendsTheToken()
    {
        var server = new RoutingHandler(r => IsLogin(r) ? LoginAnswer("tok-1") : RoutingHandler.Json("[]"));
        CruxClient client = Client(server);

        await client.OrganizationUsers.GetAllPermissionsAsync();

        SeenRequest login = server.Requests[0];
        Assert.Equal("POST", login.Method);
        Assert.Equal("/organizations/user-login/", login.Path);
        Assert.Null(login.Authorization);
        using JsonDocument body = JsonDocument.Parse(login.Body);
        Assert.Equal(Username, body.RootElement.GetProperty("username").GetString());
        Assert.Equal(Password, body.RootElement.GetProperty("password").GetString());
        Assert.Equal("Token tok-1", server.Requests[1].Authorization);
    }

    [Theory]
    [InlineData("{\"auth_token\":\"tok-leaked\",")]
    [InlineData("<html>tok-leaked</html>")]
    [InlineData("{\"auth_token\":\"tok leaked\"}")]
    public async Task LoginAnswerNotTheDocumentedJson_RaisesWithoutTheBodyThatMayHoldAToken(string answer)
    {
        var server = new RoutingHandler(r => IsLogin(r) ? RoutingHandler.Json(answer) : RoutingHandler.Json("[]"));
        CruxClient client = Client(server);

        var exception = await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        Assert.Null(exception.ResponseBody);
        Assert.DoesNotContain("leaked", exception.ToString());
    }

    [Fact]
    public async Task SixteenConcurrentFirstCalls_LogInOnce()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new RoutingHandler(async r =>
        {
            if (IsLogin(r))
            {
                await release.Task;
                return LoginAnswer("tok-1");
            }

            return r.Authorization == "Token tok-1" ? RoutingHandler.Json("[]") : new HttpResponseMessage(HttpStatusCode.Unauthorized);
        });
        CruxClient client = Client(server);

        Task[] calls = Enumerable.Range(0, 16).Select(_ => (Task)client.OrganizationUsers.GetAllPermissionsAsync()).ToArray();
        release.SetResult();
        await Task.WhenAll(calls);

        Assert.Equal(1, server.Requests.Count(IsLogin));
        Assert.Equal(16, server.Requests.Count(r => !IsLogin(r) && r.Authorization == "Token tok-1"));
    }

    [Fact]
    public async Task TokenRejected_LogsInAgainOnceAndRetriesWithTheNewToken()
    {
        int logins = 0;
        var server = new RoutingHandler(r =>
        {
            if (IsLogin(r))
            {
                return LoginAnswer("tok-" + Interlocked.Increment(ref logins));
            }

            return r.Authorization == "Token tok-2" ? RoutingHandler.Json("[]") : RoutingHandler.Json("""{"detail":"Invalid token."}""", HttpStatusCode.Unauthorized);
        });
        CruxClient client = Client(server);

        await client.OrganizationUsers.GetAllPermissionsAsync();

        Assert.Equal(2, logins);
        Assert.Equal(["POST", "GET", "POST", "GET"], server.Requests.Select(r => r.Method));
        Assert.Equal("Token tok-2", server.Requests[3].Authorization);
    }

    [Fact]
    public async Task TokenRejectedTwice_RaisesAuthenticationExceptionAfterOneReLogin()
    {
        var server = new RoutingHandler(r => IsLogin(r)
            ? LoginAnswer("tok")
            : RoutingHandler.Json("""{"detail":"Invalid token."}""", HttpStatusCode.Unauthorized));
        CruxClient client = Client(server);

        await Assert.ThrowsAsync<CruxAuthenticationException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        Assert.Equal(2, server.Requests.Count(IsLogin));
        Assert.Equal(2, server.Requests.Count(r => !IsLogin(r)));
    }

    [Fact]
    public async Task LaterCalls_ReuseTheCachedToken()
    {
        var server = new RoutingHandler(r => IsLogin(r) ? LoginAnswer("tok") : RoutingHandler.Json("[]"));
        CruxClient client = Client(server);

        await client.OrganizationUsers.GetAllPermissionsAsync();
        await client.OrganizationUsers.GetAllPermissionsAsync();
        await client.OrganizationUsers.GetAllPermissionsAsync();

        Assert.Equal(1, server.Requests.Count(IsLogin));
    }

    [Fact]
    public async Task RefusedCredentials_RaiseAuthenticationExceptionWithoutThePasswordAnywhere()
    {
        // A hostile or buggy server that echoes the request body back must not put the password into the exception.
        var server = new RoutingHandler(r => RoutingHandler.Json(
            $$"""{"non_field_errors":["Unable to log in with provided credentials."],"echo":{{r.Body}}}""", HttpStatusCode.BadRequest));
        var collector = new FakeLogCollector();
        using var fakeFactory = new LoggerFactory([new FakeLoggerProvider(collector)]);
        CruxClient client = Client(server, fakeFactory);

        var exception = await Assert.ThrowsAsync<CruxAuthenticationException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        Assert.Contains(Username, exception.Message);
        Assert.Contains("Unable to log in with provided credentials.", exception.Message);
        Assert.DoesNotContain(Password, exception.ToString());
        Assert.DoesNotContain(Password, exception.ResponseBody ?? string.Empty);
        Assert.All(exception.FieldErrors.Values.SelectMany(v => v), m => Assert.DoesNotContain(Password, m));
        Assert.All(collector.GetSnapshot(), record => Assert.DoesNotContain(Password, record.Message + record.Exception));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task LoginAnswerWithoutToken_RaisesInvalidResponse()
    {
        var server = new RoutingHandler(r => RoutingHandler.Json("""{"auth_token":""}"""));
        CruxClient client = Client(server);

        await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.GetAllPermissionsAsync());
    }

    [Fact]
    public void ToString_OfCredentialsAndOptions_NeverShowsThePassword()
    {
        var credentials = new CruxCredentials(Username, Password);
        var options = new CruxClientOptions { Credentials = credentials };

        Assert.DoesNotContain(Password, credentials.ToString());
        Assert.DoesNotContain(Password, options.ToString());
        Assert.Contains(Username, options.ToString());
        Assert.Contains("Password = ***", options.ToString());
    }

    [Theory]
    [InlineData(null, "p")]
    [InlineData("u", null)]
    public void CruxCredentials_Null_Throws(string? username, string? password)
    {
        Assert.Throws<ArgumentNullException>(() => new CruxCredentials(username!, password!));
    }

    [Theory]
    [InlineData("", "p", "username")]
    [InlineData("u", " ", "password")]
    public void CruxCredentials_Blank_ThrowsWithoutEchoingThePassword(string username, string password, string paramName)
    {
        var exception = Assert.Throws<ArgumentException>(() => new CruxCredentials(username, password));

        Assert.Equal(paramName, exception.ParamName);
    }
}
