using System.Collections.Concurrent;

namespace Crux.Connect.IntegrationTests.Hostile;

/// <summary>After a 401, the token handed to <c>InvalidateAsync</c> is exactly the one the rejected request sent, and a renewed login follows the login rule.</summary>
public sealed class TokenRefreshTests
{
    [Theory]
    [InlineData("a,b,good")]
    [InlineData("stale,good")]
    [InlineData("x,y,z,good")]
    public async Task A401_InvalidatesExactlyTheTokenThatWasSent_AndTheRenewedCallSucceeds(string order)
    {
        string[] rotation = order.Split(',');
        await using var server = RawHttpServer.Start((request, stream, ct) =>
            RawHttpServer.WriteAsync(stream, request.Headers["authorization"] == "Token good" ? "HTTP/1.1 204 No Content" : "HTTP/1.1 401 Unauthorized", string.Empty, ct));
        var provider = new CachingProvider(rotation);
        CruxClient client = Hostile.Client(server.BaseAddress, o =>
        {
            o.ApiToken = null;
            o.TokenProvider = provider;
        });

        // Each call may renew once: walk the rotation until the good token is reached.
        for (int call = 0; call < rotation.Length - 1; call++)
        {
            try
            {
                await client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, Hostile.Permissions);
                break;
            }
            catch (CruxAuthenticationException)
            {
            }
        }

        // Every token invalidated is one a rejected request sent, in the order they were sent; a second 401 in one call is final.
        string[] sent = server.Requests.Select(r => r.Headers["authorization"]["Token ".Length..]).ToArray();
        Assert.Equal("good", sent[^1]);
        Assert.Equal(sent[..^1].Distinct(), provider.Invalidated.ToArray());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(429)]
    public async Task ReLoginAfter401AnsweredTransiently_IsNotRetried(int status)
    {
        int logins = 0;
        int deletes = 0;
        await using var server = RawHttpServer.Start((request, stream, ct) =>
        {
            if (request.Target.EndsWith("/user-login/", StringComparison.Ordinal))
            {
                return Interlocked.Increment(ref logins) == 1
                    ? RawHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json", """{"auth_token":"first-token"}""", ct)
                    : RawHttpServer.WriteAsync(stream, $"HTTP/1.1 {status} Busy\r\nRetry-After: 0", string.Empty, ct);
            }

            Interlocked.Increment(ref deletes);
            return RawHttpServer.WriteAsync(stream, "HTTP/1.1 401 Unauthorized", string.Empty, ct);
        });
        CruxClient client = Hostile.Client(server.BaseAddress, o =>
        {
            o.ApiToken = null;
            o.Credentials = new CruxCredentials("admin@example.com", "secret-password");
        });

        await Assert.ThrowsAnyAsync<CruxApiException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, Hostile.Permissions));

        Assert.Equal(2, Volatile.Read(ref logins));
        Assert.Equal(1, Volatile.Read(ref deletes));
    }

    /// <summary>Follows the documented rule: cache a token, drop it only when the rejected one is the cached one.</summary>
    private sealed class CachingProvider(string[] rotation) : ICruxTokenProvider
    {
        private readonly object _lock = new();
        private int _next;
        private string? _cached;

        public ConcurrentQueue<string> Invalidated { get; } = new();

        public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                _cached ??= rotation[Math.Min(_next++, rotation.Length - 1)];
                return new ValueTask<string>(_cached);
            }
        }

        public ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken)
        {
            Invalidated.Enqueue(rejectedToken);
            lock (_lock)
            {
                if (_cached == rejectedToken)
                {
                    _cached = null;
                }
            }

            return default;
        }
    }
}
