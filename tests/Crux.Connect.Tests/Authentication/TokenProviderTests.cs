using System.Net;
using Crux.Connect.Internal;
using Crux.Connect.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Crux.Connect.Tests.Authentication;

public class TokenProviderTests
{
    private sealed class VaultProvider : ICruxTokenProvider
    {
        private int _version = 1;

        public List<string> Invalidated { get; } = new();

        public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => new("vault-" + Volatile.Read(ref _version));

        public ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken)
        {
            lock (Invalidated)
            {
                Invalidated.Add(rejectedToken);
            }

            Interlocked.Increment(ref _version);
            return default;
        }
    }

    [Fact]
    public async Task CustomProvider_TokenRejected_IsInvalidatedWithTheRejectedTokenAndRetriedOnce()
    {
        var vault = new VaultProvider();
        var server = new RoutingHandler(r => r.Authorization == "Token vault-2" ? RoutingHandler.Json("[]") : new HttpResponseMessage(HttpStatusCode.Unauthorized));
        var client = new CruxClient(new HttpClient(server), new CruxClientOptions { TokenProvider = vault });

        await client.OrganizationUsers.GetAllPermissionsAsync();

        Assert.Equal(["vault-1"], vault.Invalidated);
        Assert.Equal(["Token vault-1", "Token vault-2"], server.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task FixedTokenProvider_TokenRejected_IsFinalWithoutARetry()
    {
        var server = new RoutingHandler(_ => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        var client = new CruxClient(new HttpClient(server), new CruxClientOptions { TokenProvider = new CruxFixedTokenProvider("fixed-token") });

        await Assert.ThrowsAsync<CruxAuthenticationException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        Assert.Equal("Token fixed-token", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task ProviderReturningAHeaderBreakingToken_RaisesCruxExceptionWithoutEchoingIt()
    {
        var provider = new BadProvider();
        var server = new RoutingHandler(_ => RoutingHandler.Json("[]"));
        var client = new CruxClient(new HttpClient(server), new CruxClientOptions { TokenProvider = provider });

        var exception = await Assert.ThrowsAsync<CruxException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        Assert.DoesNotContain("secret", exception.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void CruxFixedTokenProvider_BadToken_ThrowsWithoutEchoingIt()
    {
        var exception = Assert.Throws<ArgumentException>(() => new CruxFixedTokenProvider("secret\r\nX-Evil: 1"));

        Assert.DoesNotContain("secret", exception.Message);
        Assert.DoesNotContain("secret", new CruxFixedTokenProvider("secret").ToString());
    }

    [Fact]
    public void Validate_NoWayOfAuthenticating_StillRequiresApiToken()
    {
        List<string> errors = CruxOptionsValidation.Validate(new CruxClientOptions());

        Assert.StartsWith("ApiToken is required.", Assert.Single(errors));
    }

    [Fact]
    public void Validate_CredentialsOrProviderAlone_IsAccepted()
    {
        Assert.Empty(CruxOptionsValidation.Validate(new CruxClientOptions { Credentials = new CruxCredentials("u", "p") }));
        Assert.Empty(CruxOptionsValidation.Validate(new CruxClientOptions { TokenProvider = new VaultProvider() }));
    }

    [Fact]
    public void Validate_TwoWaysAndABadLifetime_ListsEveryProblemAtOnce()
    {
        List<string> errors = CruxOptionsValidation.Validate(new CruxClientOptions
        {
            ApiToken = "t",
            Credentials = new CruxCredentials("u", "p"),
            PermissionCatalogLifetime = TimeSpan.FromSeconds(-1),
        });

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("ApiToken and Credentials", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("PermissionCatalogLifetime", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddCruxConnect_ProviderRegisteredInTheContainer_IsUsedWhenNoTokenIsConfigured()
    {
        var server = new RoutingHandler(r => RoutingHandler.Json("[]"));
        var services = new ServiceCollection();
        services.AddSingleton<ICruxTokenProvider>(new CruxFixedTokenProvider("from-the-container"));
        services.AddCruxConnect(o => o.BaseAddress = new Uri("https://gw.example.com/")).ConfigurePrimaryHttpMessageHandler(() => server);
        using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        await provider.GetRequiredService<OrganizationUsersClient>().GetAllPermissionsAsync();

        Assert.Equal("Token from-the-container", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task AddCruxConnect_ProviderRegisteredAfterAddCruxConnect_IsUsedToo()
    {
        // The XML docs and the README say "before or after": the provider is read when the options are built, not when registered.
        var server = new RoutingHandler(r => RoutingHandler.Json("[]"));
        var services = new ServiceCollection();
        services.AddCruxConnect(o => o.BaseAddress = new Uri("https://gw.example.com/")).ConfigurePrimaryHttpMessageHandler(() => server);
        services.AddSingleton<ICruxTokenProvider>(new CruxFixedTokenProvider("registered-after"));
        using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        await provider.GetRequiredService<OrganizationUsersClient>().GetAllPermissionsAsync();

        Assert.Equal("Token registered-after", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task CustomProvider_TokenRejected_InvalidateGetsAnEqualStringNotTheSameObject()
    {
        // Why the docs say "compare by value": the rejected token is read back from the request that was sent.
        var provider = new SameTokenProvider();
        var server = new RoutingHandler(r => new HttpResponseMessage(HttpStatusCode.Unauthorized));
        var client = new CruxClient(new HttpClient(server), new CruxClientOptions { TokenProvider = provider });

        await Assert.ThrowsAsync<CruxAuthenticationException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        string rejected = Assert.Single(provider.Invalidated);
        Assert.Equal(provider.Token, rejected);
        Assert.NotSame(provider.Token, rejected);
    }

    [Fact]
    public async Task AddCruxConnect_Credentials_LogInThroughTheFactoryClient()
    {
        var server = new RoutingHandler(r => r.Path.EndsWith("/user-login/", StringComparison.Ordinal)
            ? RoutingHandler.Json("""{"auth_token":"t-1"}""")
            : RoutingHandler.Json("[]"));
        var services = new ServiceCollection();
        services.AddCruxConnect(o => o.Credentials = new CruxCredentials("u", "p")).ConfigurePrimaryHttpMessageHandler(() => server);
        using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        await provider.GetRequiredService<OrganizationUsersClient>().GetAllPermissionsAsync();
        await provider.GetRequiredService<CruxClient>().OrganizationUsers.GetAllPermissionsAsync();

        Assert.Equal(["POST", "GET", "GET"], server.Requests.Select(r => r.Method));
        Assert.Equal("Token t-1", server.Requests[2].Authorization);
    }

    private sealed class SameTokenProvider : ICruxTokenProvider
    {
        public string Token { get; } = new string('t', 1) + "oken-" + Guid.NewGuid().ToString("N");

        public List<string> Invalidated { get; } = new();

        public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => new(Token);

        public ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken)
        {
            lock (Invalidated)
            {
                Invalidated.Add(rejectedToken);
            }

            return default;
        }
    }

    private sealed class BadProvider : ICruxTokenProvider
    {
        public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => new("secret\r\nX-Evil: 1");

        public ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken) => default;
    }
}
