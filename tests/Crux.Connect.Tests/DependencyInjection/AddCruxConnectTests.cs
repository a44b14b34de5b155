using System.Net;
using Crux.Connect.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Crux.Connect.Tests.DependencyInjection;

public class AddCruxConnectTests
{
    [Fact]
    public async Task AddCruxConnect_WithDelegate_ResolvesBothClientsThatSendThroughTheFactory()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        var services = new ServiceCollection();
        services.AddCruxConnect(o =>
        {
            o.ApiToken = Fixtures.Token;
            o.BaseAddress = new Uri("https://gw.example.com/crux");
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        var users = provider.GetRequiredService<OrganizationUsersClient>();
        var client = provider.GetRequiredService<CruxClient>();
        await users.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);
        await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionB]);

        Assert.Equal(2, handler.Calls);
        Assert.All(handler.Requests, r => Assert.Equal("https://gw.example.com/crux/organizations/users/permissions/5de38a8e-800e-4cba-84c5-ee6c27f304d8/", r.Uri.AbsoluteUri));
        Assert.All(handler.Requests, r => Assert.Equal("Token " + Fixtures.Token, r.Headers["Authorization"]));
    }

    [Fact]
    public async Task AddCruxConnect_WithConfigurationSection_BindsEveryKey()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CruxConnect:BaseAddress"] = "https://api.cruxconnect.com/",
            ["CruxConnect:ApiToken"] = Fixtures.Token,
            ["CruxConnect:ApiVersion"] = "Timpanogos",
            ["CruxConnect:AttemptTimeout"] = "00:00:05",
            ["CruxConnect:Timeout"] = "00:01:00",
            ["CruxConnect:Retry:MaxRetries"] = "5",
            ["CruxConnect:Retry:BaseDelay"] = "00:00:00.250",
            ["CruxConnect:Retry:MaxDelay"] = "00:00:10",
        }).Build();
        var services = new ServiceCollection();
        services.AddCruxConnect(configuration.GetSection("CruxConnect")).ConfigurePrimaryHttpMessageHandler(() => handler);
        using ServiceProvider provider = services.BuildServiceProvider();

        CruxClientOptions options = provider.GetRequiredService<IOptions<CruxClientOptions>>().Value;
        await provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);

        Assert.Equal(CruxApiVersion.Timpanogos, options.ApiVersion);
        Assert.Equal(TimeSpan.FromSeconds(5), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Timeout);
        Assert.Equal(5, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Retry.MaxDelay);
        Assert.Equal("https://api.cruxconnect.com/timp/organizations/users/permissions/5de38a8e-800e-4cba-84c5-ee6c27f304d8/", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public void AddCruxConnect_BadConfiguration_FailsAtStartListingEveryProblemWithoutTheToken()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BaseAddress"] = "http://api.cruxconnect.com/",
            ["ApiToken"] = "leaky-secret\r\nX-Evil: 1",
            ["ApiVersion"] = "V9",
            ["Timeout"] = "soon",
            ["Retry:MaxRetries"] = "many",
        }).Build();
        var services = new ServiceCollection();
        services.AddCruxConnect(configuration);
        using ServiceProvider provider = services.BuildServiceProvider();

        var startup = provider.GetRequiredService<IStartupValidator>();
        var exception = Assert.Throws<OptionsValidationException>(startup.Validate);

        Assert.Contains(exception.Failures, f => f.Contains("'ApiVersion' ('V9')", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("'Timeout' ('soon')", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("'Retry:MaxRetries' ('many')", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("must use https", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("ApiToken contains characters", StringComparison.Ordinal));
        Assert.DoesNotContain("leaky-secret", exception.Message);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<OrganizationUsersClient>());
    }

    [Fact]
    public void AddCruxConnect_MissingToken_FailsAtStart()
    {
        var services = new ServiceCollection();
        services.AddCruxConnect(_ => { });
        using ServiceProvider provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);

        Assert.Contains("ApiToken is required.", exception.Failures);
    }

    [Fact]
    public void AddCruxConnect_NullArguments_Throw()
    {
        var services = new ServiceCollection();
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => CruxConnectServiceCollectionExtensions.AddCruxConnect(null!, _ => { })).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => services.AddCruxConnect((Action<CruxClientOptions>)null!)).ParamName);
        Assert.Equal("configuration", Assert.Throws<ArgumentNullException>(() => services.AddCruxConnect((IConfiguration)null!)).ParamName);
    }

    [Fact]
    public void AddCruxConnect_HttpClient_HasNoTimeoutOfItsOwnAndNoSecondRetryLayer()
    {
        var services = new ServiceCollection();
        services.AddCruxConnect(o => o.ApiToken = Fixtures.Token);
        using ServiceProvider provider = services.BuildServiceProvider();

        HttpClient http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(CruxConnectServiceCollectionExtensions.HttpClientName);

        Assert.Equal(Timeout.InfiniteTimeSpan, http.Timeout);
        Assert.Empty(ForeignHandlers(provider));
    }

    [Fact]
    public void AddCruxConnect_UserAddsAHandler_IsTheOnlyOneBesidesTheFactorysOwn()
    {
        // Proves the check above can fail: any handler that is not the factory's or the runtime's shows up.
        var services = new ServiceCollection();
        services.AddCruxConnect(o => o.ApiToken = Fixtures.Token).AddHttpMessageHandler(() => new PassThroughHandler());
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal([typeof(PassThroughHandler)], ForeignHandlers(provider));
    }

    /// <summary>
    /// The handlers of the SDK's client that come neither from IHttpClientFactory nor from the runtime: a second
    /// retry layer (Polly, Microsoft.Extensions.Http.Resilience) would be one of them.
    /// </summary>
    private static List<Type> ForeignHandlers(IServiceProvider provider)
    {
        HttpMessageHandler? handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(CruxConnectServiceCollectionExtensions.HttpClientName);
        var own = new[] { typeof(IHttpMessageHandlerFactory).Assembly, typeof(HttpClient).Assembly, typeof(SocketsHttpHandler).Assembly };
        var foreign = new List<Type>();
        while (handler is not null)
        {
            if (!own.Contains(handler.GetType().Assembly))
            {
                foreign.Add(handler.GetType());
            }

            handler = (handler as DelegatingHandler)?.InnerHandler;
        }

        return foreign;
    }

    private sealed class PassThroughHandler : DelegatingHandler
    {
    }

    [Fact]
    public async Task AddCruxConnect_EveryResolution_SharesOneLoginAndOneCatalogPerContainer()
    {
        // Typed clients are transient; what a client learns (its token, the permission catalog) must not be.
        var server = new RoutingHandler(r => r.Path.EndsWith("/user-login/", StringComparison.Ordinal)
            ? RoutingHandler.Json("""{"auth_token":"t-1"}""")
            : r.Path.EndsWith("/all_permissions/", StringComparison.Ordinal)
                ? RoutingHandler.Json(RoutingHandler.Catalog((Fixtures.PermissionA, CruxPermissionNames.EditOrgUsers)))
                : new HttpResponseMessage(HttpStatusCode.NoContent));

        for (int container = 1; container <= 2; container++)
        {
            var services = new ServiceCollection();
            services.AddCruxConnect(o => o.Credentials = new CruxCredentials("u", "p")).ConfigurePrimaryHttpMessageHandler(() => server);
            using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

            await provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Fixtures.UserUuid, [CruxPermissionNames.EditOrgUsers]);
            await provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Fixtures.UserUuid, [CruxPermissionNames.EditOrgUsers]);
            await provider.GetRequiredService<CruxClient>().OrganizationUsers.AddPermissionsAsync(Fixtures.UserUuid, [CruxPermissionNames.EditOrgUsers]);

            // One login and one catalog read per container, whatever the number of resolutions.
            Assert.Equal(container, server.Count("POST", "/user-login/"));
            Assert.Equal(container, server.Count("GET", "/all_permissions/"));
            Assert.Equal(3 * container, server.Requests.Count(r => r.Method is "DELETE" or "PATCH"));
            Assert.All(server.Requests.Where(r => r.Method != "POST"), r => Assert.Equal("Token t-1", r.Authorization));
        }
    }
}
