using System.Net;
using System.Net.Sockets;
using Crux.Connect.Tests.Diagnostics.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Crux.Connect.Tests.Diagnostics;

/// <summary>
/// Under AddCruxConnect automatic redirects are off whatever the primary handler is, a wrapper around the socket handler
/// included; a primary handler the SDK cannot see into fails at start-up when the client logs in with a password. With the
/// caller's own HttpClient, a followed redirect whose target cannot be reached is a refused redirect, not a connection failure.
/// </summary>
public sealed class WrappedRedirectTests
{
    public static TheoryData<int, int> Wrappings => new() { { 307, 1 }, { 302, 1 }, { 308, 2 }, { 301, 3 } };

    [Theory]
    [MemberData(nameof(Wrappings))]
    public async Task AddCruxConnect_PrimaryHandlerWrappedInDelegatingHandlers_RedirectIsNotFollowed(int status, int depth)
    {
        int reached = 0;
        await using LoopbackServer target = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref reached);
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        await using LoopbackServer origin = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = new Uri(target.BaseAddress, context.Request.Path.Value!.TrimStart('/')).AbsoluteUri;
            return Task.CompletedTask;
        });
        var services = new ServiceCollection();
        services.AddCruxConnect(o =>
        {
            o.ApiToken = Secrets.Token;
            o.BaseAddress = origin.BaseAddress;
            o.Retry.MaxRetries = 0;
        }).ConfigurePrimaryHttpMessageHandler(() =>
        {
            HttpMessageHandler handler = depth % 2 == 0 ? new HttpClientHandler() : new SocketsHttpHandler();
            for (int i = 0; i < depth; i++)
            {
                handler = new Wrapper { InnerHandler = handler };
            }

            return handler;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        var exception = await Assert.ThrowsAsync<CruxRedirectException>(
            () => provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions));

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal(0, Volatile.Read(ref reached));
    }

    [Fact]
    public async Task AddCruxConnect_OpaquePrimaryHandlerWithCredentials_FailsAtStartUpSayingHowToSwitchRedirectsOff()
    {
        var services = new ServiceCollection();
        services.AddCruxConnect(o =>
        {
            o.ApiToken = null;
            o.Credentials = new CruxCredentials("admin@example.com", "pw-123456");
            o.BaseAddress = new Uri("http://127.0.0.1:9/");
        }).ConfigurePrimaryHttpMessageHandler(() => new Opaque());
        await using ServiceProvider provider = services.BuildServiceProvider();

        var exception = Assert.ThrowsAny<InvalidOperationException>(() => provider.GetRequiredService<OrganizationUsersClient>());

        Assert.Contains("AllowAutoRedirect", exception.ToString(), StringComparison.Ordinal);
        Assert.Contains(nameof(Opaque), exception.ToString(), StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData(307)]
    [InlineData(302)]
    [InlineData(301)]
    public async Task InjectedHttpClient_FollowedRedirectToAnUnreachableTarget_IsARefusedRedirectNotRetried(int status)
    {
        // A port nothing listens on: the followed request gets no answer at all.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int deadPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        int requests = 0;
        await using LoopbackServer origin = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref requests);
            context.Response.StatusCode = status;
            context.Response.Headers.Location = $"http://127.0.0.1:{deadPort}/elsewhere/";
            return Task.CompletedTask;
        });
        using var http = new HttpClient();
        var client = new CruxClient(http, new CruxClientOptions { ApiToken = Secrets.Token, BaseAddress = origin.BaseAddress, Retry = { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1) } });

        var exception = await Assert.ThrowsAsync<CruxRedirectException>(
            () => client.OrganizationUsers.GetPermissionsAsync(Scenarios.User));

        Assert.Equal(1, requests);
        Assert.Contains($"127.0.0.1:{deadPort}", exception.Location, StringComparison.Ordinal);
    }

    private sealed class Wrapper : DelegatingHandler
    {
    }

    private sealed class Opaque : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _inner = new(new SocketsHttpHandler());

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _inner.SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
