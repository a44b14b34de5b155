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
    public async Task AddCruxConnect_ClientCapturedBySingleton_KeepsWorkingAndSharesTheCore()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NoContent).Then(HttpStatusCode.NoContent);
        var services = new ServiceCollection();
        services.AddCruxConnect(o => o.ApiToken = Fixtures.Token).ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddSingleton<CapturingService>();
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var service = provider.GetRequiredService<CapturingService>();
        await service.Users.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);
        await provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);

        Assert.Equal(2, handler.Calls);
        Assert.Same(provider.GetRequiredService<Crux.Connect.Internal.CruxClientCore>(), provider.GetRequiredService<Crux.Connect.Internal.CruxClientCore>());
    }

    private sealed class CapturingService(OrganizationUsersClient users)
    {
        public OrganizationUsersClient Users { get; } = users;
    }
}
