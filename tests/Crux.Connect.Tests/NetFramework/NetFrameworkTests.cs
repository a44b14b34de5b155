using System.Net;
using System.Net.Sockets;
using Crux.Connect.Internal;
using Crux.Connect.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Crux.Connect.Tests.NetFramework;

/// <summary>
/// The paths of the netstandard2.0 build that only .NET Framework takes, against the platform's own handler
/// (HttpClientHandler over HttpWebRequest). Compiled for the net472 target only: the Windows leg of CI.
/// </summary>
public class NetFrameworkTests
{
    [Fact]
    public void AddCruxConnect_OnNetFramework_PrimaryHandlerIsHttpClientHandlerWithRedirectsOff()
    {
        var services = new ServiceCollection();
        services.AddCruxConnect(o => o.ApiToken = Fixtures.Token);
        using ServiceProvider provider = services.BuildServiceProvider();

        HttpMessageHandler handler = provider.GetRequiredService<IHttpMessageHandlerFactory>()
            .CreateHandler(CruxConnectServiceCollectionExtensions.HttpClientName);
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        // No SocketsHttpHandler here (CruxHandlerLifetime leaves the factory's handler); redirects are still refused.
        var primary = Assert.IsType<HttpClientHandler>(handler);
        Assert.False(primary.AllowAutoRedirect);
    }

    [Fact]
    public async Task RefusedConnection_OnNetFramework_IsAWebExceptionThatCountsAsNeverReachingTheServer()
    {
        int port;
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }

        using var http = new HttpClient(new HttpClientHandler());
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{port}/")));

        // .NET Framework wraps HttpWebRequest's failure, not a SocketException: TransientFailures' WebException branch.
        var web = Assert.IsType<WebException>(refused.InnerException);
        Assert.Equal(WebExceptionStatus.ConnectFailure, web.Status);
        Assert.True(TransientFailures.IsTransient(new CruxConnectionException("no answer", refused), isIdempotent: false));
    }
}
