using System.Collections.Concurrent;
using Crux.Connect.Tests.Diagnostics.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Crux.Connect.Tests.Diagnostics;

/// <summary>
/// A redirect to another origin never carries the token and is never a success: under AddCruxConnect it is not followed
/// at all; on a caller's own HttpClient that follows it, .NET drops Authorization and the SDK refuses the answer. Pinned
/// on real sockets: one Kestrel listener answers 307/302 pointing at a second, which records what it receives.
/// </summary>
public sealed class RedirectTests
{
    [Theory]
    [InlineData(307)]
    [InlineData(302)]
    public async Task RemovePermissions_InjectedHttpClientRedirectedToAnotherOrigin_TokenNeverReachesIt(int status)
    {
        await using var target = await Target.StartAsync();
        await using LoopbackServer origin = await StartRedirectingAsync(status, target.Server.BaseAddress);
        using var http = new HttpClient();
        var client = new CruxClient(http, new CruxClientOptions { ApiToken = Secrets.Token, BaseAddress = origin.BaseAddress, Retry = { MaxRetries = 0 } });

        await Assert.ThrowsAsync<CruxRedirectException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions));

        target.AssertReachedWithoutToken(expectedRequests: 1);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(302)]
    public async Task RemovePermissions_AddCruxConnectRedirectedToAnotherOrigin_TokenNeverReachesIt(int status)
    {
        await using var target = await Target.StartAsync();
        await using LoopbackServer origin = await StartRedirectingAsync(status, target.Server.BaseAddress);
        var services = new ServiceCollection();
        services.AddCruxConnect(o =>
        {
            o.ApiToken = Secrets.Token;
            o.BaseAddress = origin.BaseAddress;
            o.Retry.MaxRetries = 0;
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<CruxRedirectException>(
            () => provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions));

        target.AssertReachedWithoutToken(expectedRequests: 0);
    }

    private static Task<LoopbackServer> StartRedirectingAsync(int status, Uri target) =>
        LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = new Uri(target, context.Request.Path.Value!.TrimStart('/')).AbsoluteUri;
            return Task.CompletedTask;
        });

    /// <summary>The other origin: records the Authorization header of every request and answers 401, as Crux would without one.</summary>
    private sealed class Target : IAsyncDisposable
    {
        private readonly ConcurrentQueue<string> _authorization = new();
        private int _requests;

        private Target()
        {
        }

        public LoopbackServer Server { get; private set; } = null!;

        public static async Task<Target> StartAsync()
        {
            var target = new Target();
            target.Server = await LoopbackServer.StartAsync(context =>
            {
                Interlocked.Increment(ref target._requests);
                if (context.Request.Headers.Authorization.Count > 0)
                {
                    target._authorization.Enqueue(context.Request.Headers.Authorization.ToString());
                }

                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            });
            return target;
        }

        public void AssertReachedWithoutToken(int expectedRequests)
        {
            // Followed only where the caller's handler follows redirects, and never with Authorization.
            Assert.Equal(expectedRequests, Volatile.Read(ref _requests));
            Assert.Empty(_authorization);
        }

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
