using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Crux.Connect.IntegrationTests.Hostile;

/// <summary>
/// No request of the SDK is followed to a redirect target, and a redirected answer is never a success, a retry or a
/// re-login. One Kestrel listener answers a 3xx pointing at a second one that records what reaches it and answers 200.
/// </summary>
public sealed class RedirectTests
{
    public static TheoryData<int, string> CodesAndWirings()
    {
        var data = new TheoryData<int, string>();
        foreach (int code in new[] { 301, 302, 303, 307, 308 })
        {
            foreach (string wiring in new[] { "AddCruxConnect", "AddCruxConnectOwnPrimaryHandler", "OwnNoRedirectClient", "OwnDefaultClient" })
            {
                data.Add(code, wiring);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CodesAndWirings))]
    public async Task RemovePermissionsAsync_RedirectToAnotherOriginThatAnswers200_IsRefusedNeverASuccess(int code, string wiring)
    {
        await using var target = await Recorder.StartAsync(200, string.Empty);
        int originRequests = 0;
        await using LoopbackServer origin = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref originRequests);
            context.Response.StatusCode = code;
            context.Response.Headers.Location = new Uri(target.Server.BaseAddress, "stolen/path/?token=" + Hostile.Token).AbsoluteUri;
            return Task.CompletedTask;
        });

        OrganizationUsersClient client = Build(wiring, origin.BaseAddress, out IDisposable owner);
        using (owner)
        {
            var exception = await Assert.ThrowsAsync<CruxRedirectException>(() => client.RemovePermissionsAsync(Hostile.User, Hostile.Permissions));

            Assert.Equal(1, Volatile.Read(ref originRequests)); // never retried
            Assert.StartsWith("Redirect refused", exception.Message);
            Assert.Contains(target.Server.BaseAddress.Authority, exception.Message);
            Assert.Contains("/stolen/path/", exception.Location);
            Hostile.AssertNoSecret(Hostile.Token, exception.ToString(), "the exception");
            Assert.All(target.Authorizations, a => Assert.DoesNotContain(Hostile.Token, a));
            if (wiring != "OwnDefaultClient")
            {
                Assert.Equal(0, target.Count); // not followed at all
            }
        }
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task LoginUnderAddCruxConnect_RedirectToAnotherOrigin_PasswordNeverLeavesAndNoTokenIsAccepted(int code)
    {
        await using var target = await Recorder.StartAsync(200, """{"auth_token":"forged-token-from-elsewhere"}""");
        int logins = 0;
        await using LoopbackServer origin = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref logins);
            context.Response.StatusCode = code;
            context.Response.Headers.Location = new Uri(target.Server.BaseAddress, context.Request.Path.Value!.TrimStart('/')).AbsoluteUri;
            return Task.CompletedTask;
        });
        var services = new ServiceCollection();
        services.AddCruxConnect(o =>
        {
            o.BaseAddress = origin.BaseAddress;
            o.Credentials = new CruxCredentials("admin@example.com", "correct&horse+battery'staple");
        });
        await using ServiceProvider provider = services.BuildServiceProvider();

        for (int call = 0; call < 3; call++)
        {
            await Assert.ThrowsAsync<CruxRedirectException>(
                () => provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Hostile.User, Hostile.Permissions));
        }

        Assert.Equal(0, target.Count);
        Assert.Equal(3, Volatile.Read(ref logins)); // one login try per call: no retry, no loop
    }

    [Theory]
    [InlineData(301)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task OwnDefaultClient_SameOrigin308To401_IsARedirectFailureNotAReLogin(int code)
    {
        int logins = 0;
        await using LoopbackServer origin = await LoopbackServer.StartAsync(async context =>
        {
            string path = context.Request.Path.Value!;
            if (path.EndsWith("/user-login/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref logins);
                await Hostile.WriteAsync(context, 200, """{"auth_token":"issued-token-1234"}""");
            }
            else if (path.StartsWith("/moved/", StringComparison.Ordinal))
            {
                // The handler dropped Authorization when following the redirect.
                await Hostile.WriteAsync(context, context.Request.Headers.Authorization.Count == 0 ? 401 : 204, string.Empty);
            }
            else
            {
                context.Response.StatusCode = code;
                context.Response.Headers.Location = "/moved" + path;
            }
        });
        CruxClient client = Hostile.Client(origin.BaseAddress, o =>
        {
            o.ApiToken = null;
            o.Credentials = new CruxCredentials("admin@example.com", "pässwörd-geheim");
        });

        for (int call = 0; call < 3; call++)
        {
            var exception = await Assert.ThrowsAsync<CruxRedirectException>(
                () => client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, Hostile.Permissions));
            Assert.Contains("/moved/", exception.Location);
        }

        Assert.Equal(1, Volatile.Read(ref logins));
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task ByName_CatalogReadRedirected_NothingIsRemoved(int code)
    {
        await using var target = await Recorder.StartAsync(
            200, """[{"uuid":"0e1d2c3b-4a59-4687-9a0b-1c2d3e4f5061","name":"edit_org_users"}]""");
        int deletes = 0;
        await using LoopbackServer origin = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Method == "DELETE")
            {
                Interlocked.Increment(ref deletes);
            }

            context.Response.StatusCode = code;
            context.Response.Headers.Location = new Uri(target.Server.BaseAddress, context.Request.Path.Value!.TrimStart('/')).AbsoluteUri;
            return Task.CompletedTask;
        });
        CruxClient client = Hostile.Client(origin.BaseAddress);

        await Assert.ThrowsAsync<CruxRedirectException>(
            () => client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, [CruxPermissionNames.EditOrgUsers]));

        Assert.Equal(0, Volatile.Read(ref deletes));
    }

    private static OrganizationUsersClient Build(string wiring, Uri baseAddress, out IDisposable owner)
    {
        switch (wiring)
        {
            case "AddCruxConnect" or "AddCruxConnectOwnPrimaryHandler":
                var services = new ServiceCollection();
                IHttpClientBuilder builder = services.AddCruxConnect(o =>
                {
                    o.BaseAddress = baseAddress;
                    o.ApiToken = Hostile.Token;
                });
                if (wiring == "AddCruxConnectOwnPrimaryHandler")
                {
                    // The application's own handler, configured after AddCruxConnect, with redirects on: the SDK still turns them off.
                    builder.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = true });
                }

                ServiceProvider provider = services.BuildServiceProvider();
                owner = provider;
                return provider.GetRequiredService<OrganizationUsersClient>();
            case "OwnNoRedirectClient":
                var noRedirects = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
                owner = noRedirects;
                return Hostile.Client(baseAddress, http: noRedirects).OrganizationUsers;
            default:
                var http = new HttpClient();
                owner = http;
                return Hostile.Client(baseAddress, http: http).OrganizationUsers;
        }
    }

    /// <summary>The other origin: records what reaches it and answers with a fixed status and body.</summary>
    private sealed class Recorder : IAsyncDisposable
    {
        private int _count;

        public LoopbackServer Server { get; private set; } = null!;

        public int Count => Volatile.Read(ref _count);

        public ConcurrentQueue<string> Authorizations { get; } = new();

        public static async Task<Recorder> StartAsync(int status, string body)
        {
            var recorder = new Recorder();
            recorder.Server = await LoopbackServer.StartAsync(async context =>
            {
                Interlocked.Increment(ref recorder._count);
                recorder.Authorizations.Enqueue(context.Request.Headers.Authorization.ToString() + await Hostile.ReadBodyAsync(context));
                await Hostile.WriteAsync(context, status, body);
            });
            return recorder;
        }

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
