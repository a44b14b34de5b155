using System.Net;
using Crux.Connect.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Crux.Connect.Tests.DependencyInjection;

public class LifetimeTests
{
#if !CRUX_NETSTANDARD_UNDER_TEST
    [Theory]
    [InlineData(null)]
    [InlineData("supplier-a")]
    public void AddCruxConnect_PrimaryHandler_RecyclesPooledConnectionsSoACapturedClientSeesDnsChanges(string? name)
    {
        var services = new ServiceCollection();
        string httpClientName = name is null ? CruxConnectServiceCollectionExtensions.HttpClientName : CruxConnectServiceCollectionExtensions.HttpClientName + ":" + name;
        _ = name is null ? services.AddCruxConnect(o => o.ApiToken = Fixtures.Token) : services.AddCruxConnect(name, o => o.ApiToken = Fixtures.Token);
        using ServiceProvider provider = services.BuildServiceProvider();

        HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(httpClientName);
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        var primary = Assert.IsType<SocketsHttpHandler>(handler);
        Assert.Equal(TimeSpan.FromMinutes(2), primary.PooledConnectionLifetime);
    }
#endif

    [Fact]
    public async Task AddCruxConnect_ClientCapturedBySingleton_KeepsWorkingAndSharesTheLogin()
    {
        var server = new RoutingHandler(r => r.Path.EndsWith("/user-login/", StringComparison.Ordinal)
            ? RoutingHandler.Json("""{"auth_token":"t-1"}""")
            : new HttpResponseMessage(HttpStatusCode.NoContent));
        var services = new ServiceCollection();
        services.AddCruxConnect(o => o.Credentials = new CruxCredentials("u", "p")).ConfigurePrimaryHttpMessageHandler(() => server);
        services.AddSingleton<CapturingService>();
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var service = provider.GetRequiredService<CapturingService>();
        await service.Users.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);
        await provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);
        await service.Users.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);

        // The captured client and a fresh resolution are one client: the token one of them logged in for serves both.
        Assert.Equal(["POST", "DELETE", "DELETE", "DELETE"], server.Requests.Select(r => r.Method));
        Assert.All(server.Requests.Skip(1), r => Assert.Equal("Token t-1", r.Authorization));
    }

    private sealed class CapturingService(OrganizationUsersClient users)
    {
        public OrganizationUsersClient Users { get; } = users;
    }
}
