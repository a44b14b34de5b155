using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Crux.Connect.IntegrationTests.Faults;

/// <summary>
/// The login POST is not a set operation: over a real socket it is retried when the connection could not be
/// opened (the request provably never reached the server), and not when the connection was reset after sending.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class LoginOverSocketTests
{
    [Fact]
    public async Task Login_ConnectionResetAfterTheRequestWasSent_IsRaisedWithoutARetry()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int logins = 0;
        int others = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref context.Request.Path.Value == "/organizations/user-login/" ? ref logins : ref others);
            context.Abort();
        });
        using var httpClient = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var users = new CruxClient(httpClient, LoginOptions(server.BaseAddress)).OrganizationUsers;

        var exception = await Assert.ThrowsAsync<CruxConnectionException>(
            () => users.RemovePermissionsAsync(Guid.NewGuid(), [Guid.NewGuid()], deadline.Token));

        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Equal(1, logins);
        Assert.Equal(0, others);
    }

    [Fact]
    public async Task Login_ConnectionRefused_IsRetriedThenRaisedAsCruxConnectionException()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var counting = new AttemptCountingHandler();
        using var httpClient = new HttpClient(counting) { Timeout = Timeout.InfiniteTimeSpan };
        var users = new CruxClient(httpClient, LoginOptions(new Uri($"http://127.0.0.1:{ClosedPort()}/"))).OrganizationUsers;

        var exception = await Assert.ThrowsAsync<CruxConnectionException>(
            () => users.RemovePermissionsAsync(Guid.NewGuid(), [Guid.NewGuid()], deadline.Token));

        Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Equal(3, counting.Attempts);
    }

    private static CruxClientOptions LoginOptions(Uri baseAddress)
    {
        var options = new CruxClientOptions
        {
            BaseAddress = baseAddress,
            Credentials = new CruxCredentials("admin@supplier.example", "not-a-real-password"),
            AttemptTimeout = TimeSpan.FromSeconds(5),
        };
        options.Retry.MaxRetries = 2;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        return options;
    }

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }

    private sealed class AttemptCountingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
