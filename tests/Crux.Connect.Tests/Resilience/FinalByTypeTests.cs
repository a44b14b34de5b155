using System.Net;
using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests.Resilience;

/// <summary>
/// Issue 22: a failure that ends the call does so by its type, decided in the one transient predicate, never by a flag on
/// the call. Each case here is a failure that would be transient by its status or its exception alone (a 503, a connection
/// failure, a timeout) and must still not be retried: exactly one request on the wire (none when no token came), and the
/// caller catches what it caught before.
/// </summary>
public sealed class FinalByTypeTests
{
    private static readonly TimeSpan MaxStep = TimeSpan.FromSeconds(15);

    public static TheoryData<string, Type> ProviderFailures => new()
    {
        // A provider's own HttpRequestException is reported as a connection failure, as every HttpRequestException is.
        { "http", typeof(CruxConnectionException) },
        { "503", typeof(CruxServerException) },
        { "timeout", typeof(TimeoutException) },
        { "connection", typeof(CruxConnectionException) },
    };

    [Theory]
    [MemberData(nameof(ProviderFailures))]
    public async Task TokenProviderFails_IsNotRetried_AndNothingIsSent(string failure, Type expected)
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time).Then(HttpStatusCode.NoContent);
        var provider = new FailingProvider(() => Failure(failure));
        var client = new CruxClient(new HttpClient(handler), new CruxClientOptions { TokenProvider = provider }, null, time);

        Exception exception = await Assert.ThrowsAnyAsync<Exception>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep));

        Assert.IsType(expected, exception);
        Assert.Equal(1, provider.Calls);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task TokenProviderOutlivesTheAttemptTimeout_IsNotAskedAgain_AndTheCallerGetsTheAttemptsTimeout()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time).Then(HttpStatusCode.NoContent);
        var provider = new FailingProvider(() => null);
        var client = new CruxClient(new HttpClient(handler), new CruxClientOptions { TokenProvider = provider, AttemptTimeout = TimeSpan.FromSeconds(3) }, null, time);

        var exception = await Assert.ThrowsAsync<CruxTimeoutException>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep, () => provider.Waiting > 0));

        Assert.Contains("attempt timeout", exception.Message);
        Assert.Equal(1, provider.Calls);
        Assert.Equal(0, handler.Calls);
    }

    [Fact]
    public async Task LoginAnswered503_IsNotRetriedByTheOperation_OneRequestOnTheWire()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time).Then(HttpStatusCode.ServiceUnavailable, "{\"detail\":\"login down\"}");
        var client = new CruxClient(new HttpClient(handler), new CruxClientOptions { Credentials = new CruxCredentials("admin@example.com", "secret-password") }, null, time);

        var exception = await Assert.ThrowsAsync<CruxServerException>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep));

        Assert.Equal("login down", exception.Detail);
        Assert.EndsWith("/user-login/", Assert.Single(handler.Requests).Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("503")]
    [InlineData("invalid")]
    public async Task InvalidateAsyncFails_IsNotRetried_OneRequestOnTheWire(string failure)
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time).Then(HttpStatusCode.Unauthorized).Then(HttpStatusCode.NoContent);
        var provider = new FailingProvider(() => null, invalidate: () => Failure(failure));
        provider.Answer = "provider-token";
        var client = new CruxClient(new HttpClient(handler), new CruxClientOptions { TokenProvider = provider }, null, time);

        Exception exception = await Assert.ThrowsAnyAsync<Exception>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep));

        Assert.IsType(failure == "503" ? typeof(CruxServerException) : typeof(InvalidOperationException), exception);
        Assert.Equal(1, handler.Calls);
        Assert.Equal(1, provider.Calls);
    }

    [Theory]
    [InlineData(HttpStatusCode.Found)]
    [InlineData(HttpStatusCode.ServiceUnavailable)] // a handler followed a redirect, and the other place answered 503
    public async Task RefusedRedirect_IsNotRetried_OneRequestOnTheWire(HttpStatusCode status)
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time).Then((request, _) =>
        {
            if (status != HttpStatusCode.Found)
            {
                // What a handler that follows redirects does: the message now names where it went.
                request.RequestUri = new Uri("https://elsewhere.example/x/");
            }

            return Task.FromResult(ScriptedHandler.Response(status, configure: r => r.Headers.Location = new Uri("https://elsewhere.example/")));
        });
        var client = Fixtures.Client(handler, time);

        await Assert.ThrowsAsync<CruxRedirectException>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep));

        Assert.Equal(1, handler.Calls);
    }

    [Theory]
    [InlineData("disposed")]
    [InlineData("gave-up")]
    public async Task HttpClientDisposedOrGaveUp_IsNotRetried_OneRequestOnTheWire(string how)
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time).ThenThrow(how == "disposed"
            ? new ObjectDisposedException("HttpClient")
            : new OperationCanceledException("pending requests cancelled"));
        var client = Fixtures.Client(handler, time);

        var exception = await Assert.ThrowsAsync<CruxException>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep));

        Assert.Contains("disposed", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, handler.Calls);
    }

    private static Exception Failure(string kind) => kind switch
    {
        "http" => new HttpRequestException("vault unreachable"),
        "503" => new CruxServerException("vault down", new CruxResponseDetails(HttpStatusCode.ServiceUnavailable)),
        "timeout" => new TimeoutException("vault slow"),
        "connection" => new CruxConnectionException("no answer", new HttpRequestException("refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused))),
        _ => new InvalidOperationException("vault refused to forget the token"),
    };

    /// <summary>A provider that fails with <c>token</c>'s failure (or waits forever when it gives none), and whose InvalidateAsync fails likewise.</summary>
    private sealed class FailingProvider(Func<Exception?> token, Func<Exception?>? invalidate = null) : ICruxTokenProvider
    {
        private int _calls;
        private int _waiting;

        public int Calls => Volatile.Read(ref _calls);

        public int Waiting => Volatile.Read(ref _waiting);

        public string? Answer { get; set; }

        public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            await Task.Yield();
            if (Answer is not null)
            {
                return Answer;
            }

            if (token() is { } failure)
            {
                throw failure;
            }

            Interlocked.Increment(ref _waiting);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return "never";
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        public async ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken)
        {
            await Task.Yield();
            if (invalidate?.Invoke() is { } failure)
            {
                throw failure;
            }
        }
    }
}
