using System.Net;
using Crux.Connect.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.IntegrationTests.State;

/// <summary>
/// Issue 19, "No state crosses from one client or call to another": a bulk run's 429 pause and budget reach only the calls
/// the run makes itself; a refused login is final for a while; two sets of one user through one client are serialized.
/// Every test runs over real sockets, against the simulator's Kestrel host.
/// </summary>
public sealed class NoStateCrossingTests
{
    private static readonly string[] Exclusive =
        ["edit_org_users", "view_org_subscription_plan", "edit_org_subscription_plan", "view_payment_info", "edit_payment_info", "view_billing_statement"];

    [Fact]
    public async Task BulkRun_WhileAnotherNamedClientIsRateLimited_IsNotPausedCountedOrRetriedByIt()
    {
        var simA = new CruxSimulator();
        var simB = new CruxSimulator();
        IReadOnlyList<SimulatedUser> users = simA.AddUsers(simA.Retailer, 30, CruxPermissionNames.EditOrgUsers, CruxPermissionNames.ViewOrder);
        await using CruxSimulatorServer serverA = await simA.StartServerAsync();
        await using CruxSimulatorServer serverB = await simB.StartServerAsync();
        var services = new ServiceCollection();
        services.AddCruxConnect("a", o =>
        {
            o.BaseAddress = serverA.BaseAddress;
            o.ApiToken = simA.RetailerAdmin.Token;
        });
        services.AddCruxConnect("b", o =>
        {
            o.BaseAddress = serverB.BaseAddress;
            o.ApiToken = simB.RetailerAdmin.Token;
            o.Retry.MaxRetries = 0; // B's own rule: a 429 is not retried
            o.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        });
        await using ServiceProvider provider = services.BuildServiceProvider();
        OrganizationUsersClient a = provider.GetRequiredKeyedService<OrganizationUsersClient>("a");
        OrganizationUsersClient b = provider.GetRequiredKeyedService<OrganizationUsersClient>("b");
        simB.Faults.FailNext(1, HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1));
        Exception? fromB = null;
        bool called = false;

        // The first report comes before any worker starts: B's 429 lands while the run is under way and before its first request.
        var progress = new InlineProgress(_ =>
        {
            if (!called)
            {
                called = true;
                fromB = Record.Exception(() => b.RemovePermissionsAsync(simB.RetailerMember.Uuid, [simB.PermissionUuid(CruxPermissionNames.ViewOrder)]).GetAwaiter().GetResult());
            }
        });

        CruxBulkResult<RemovePermissionsResult> result = await a.RemovePermissionsFromUsersAsync(
            users.Select(u => u.Uuid), [simA.PermissionUuid(CruxPermissionNames.EditOrgUsers)], new CruxBulkOptions { MaxConcurrency = 8 }, progress);

        // B's call kept B's own rule (no retry), and A's run saw nothing of it: no 429 counted, no pause, no retry.
        Assert.IsType<CruxRateLimitException>(fromB);
        Assert.Single(simB.Requests);
        Assert.Equal(users.Count, result.Succeeded);
        Assert.Equal(0, result.RateLimitedResponses);
        Assert.Equal(0, result.RateLimitPauses);
        Assert.Equal(0, result.Retries);
    }

    [Fact]
    public async Task BulkRun_ACallOnTheSameClientFromTheProgressCallback_IsNotPausedCountedOrRetriedByTheRun()
    {
        var sim = new CruxSimulator();
        IReadOnlyList<SimulatedUser> users = sim.AddUsers(sim.Retailer, 20, CruxPermissionNames.EditOrgUsers);
        await using CruxSimulatorServer server = await sim.StartServerAsync();
        using var http = new HttpClient();
        var client = new CruxClient(http, new CruxClientOptions
        {
            BaseAddress = server.BaseAddress,
            ApiToken = sim.RetailerAdmin.Token,
            Retry = { MaxRetries = 0, MaxDelay = TimeSpan.FromSeconds(1) },
        });
        Exception? fromCallback = null;
        bool called = false;
        var progress = new InlineProgress(_ =>
        {
            if (!called)
            {
                called = true;
                sim.Faults.FailNext(1, HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(1));
                fromCallback = Record.Exception(() => client.OrganizationUsers.GetPermissionsAsync(sim.RetailerMember.Uuid).GetAwaiter().GetResult());
            }
        });

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            users.Select(u => u.Uuid), [sim.PermissionUuid(CruxPermissionNames.EditOrgUsers)], new CruxBulkOptions { MaxConcurrency = 4 }, progress);

        // The callback's call is the caller's own: MaxRetries = 0 says a 429 ends it, and the run neither counts nor pauses for it.
        Assert.IsType<CruxRateLimitException>(fromCallback);
        Assert.Equal(users.Count, result.Succeeded);
        Assert.Equal(0, result.RateLimitedResponses);
        Assert.Equal(0, result.RateLimitPauses);
        Assert.Equal(users.Count + 1, sim.Requests.Count);
    }

    [Theory]
    [InlineData(500, 16)]
    [InlineData(40, 1)]
    public async Task BulkRun_WithAWrongPassword_SendsOneLoginAndEveryUserFailsWithTheSameTypedError(int userCount, int concurrency)
    {
        var sim = new CruxSimulator();
        IReadOnlyList<SimulatedUser> users = sim.AddUsers(sim.Retailer, userCount, CruxPermissionNames.EditOrgUsers);
        await using CruxSimulatorServer server = await sim.StartServerAsync();
        using var http = new HttpClient();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var client = new CruxClient(
            http,
            new CruxClientOptions { BaseAddress = server.BaseAddress, Credentials = new CruxCredentials(sim.RetailerAdmin.Username, "not-the-password") },
            null,
            clock);

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            users.Select(u => u.Uuid), [sim.PermissionUuid(CruxPermissionNames.EditOrgUsers)], new CruxBulkOptions { MaxConcurrency = concurrency });

        Assert.Equal(userCount, result.Failed);
        Assert.All(result.Failures, f => Assert.IsType<CruxAuthenticationException>(f.Exception));
        Assert.Equal(1, Logins(sim));
        Assert.Equal(0, sim.Requests.Count(r => !IsLogin(r)));

        // The following calls fail fast too, until the documented interval (5 minutes) has passed; then one login again.
        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<CruxAuthenticationException>(() => client.OrganizationUsers.GetPermissionsAsync(users[0].Uuid));
        Assert.Equal(1, Logins(sim));
        clock.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<CruxAuthenticationException>(() => client.OrganizationUsers.GetPermissionsAsync(users[0].Uuid));
        Assert.Equal(2, Logins(sim));
        await Assert.ThrowsAsync<CruxAuthenticationException>(() => client.OrganizationUsers.GetPermissionsAsync(users[0].Uuid));
        Assert.Equal(2, Logins(sim));
    }

    [Fact]
    public async Task Login_RefusedThenCredentialsCorrected_ANewClientLogsInAtOnce()
    {
        var sim = new CruxSimulator();
        await using CruxSimulatorServer server = await sim.StartServerAsync();
        using var http = new HttpClient();
        CruxClient Client(string password) => new(http, new CruxClientOptions { BaseAddress = server.BaseAddress, Credentials = new CruxCredentials(sim.RetailerAdmin.Username, password) });

        await Assert.ThrowsAsync<CruxAuthenticationException>(() => Client("wrong-password").OrganizationUsers.GetPermissionsAsync(sim.RetailerMember.Uuid));
        IReadOnlyList<PermissionAssignment> read = await Client(sim.RetailerAdmin.Password).OrganizationUsers.GetPermissionsAsync(sim.RetailerMember.Uuid);

        Assert.NotEmpty(read);
        Assert.Equal(2, Logins(sim));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public async Task SetPermissionsAsync_ConcurrentOnTheSameUser_AreSerializedAndTheUserEndsWithOneOfTheSets(int concurrent)
    {
        var sim = new CruxSimulator();
        await using CruxSimulatorServer server = await sim.StartServerAsync();
        using var http = new HttpClient();
        var client = new CruxClient(http, new CruxClientOptions { BaseAddress = server.BaseAddress, ApiToken = sim.RetailerAdmin.Token });
        SimulatedUser user = sim.AddUser(sim.Retailer, "set-race@example.com", "pw-set-race", CruxPermissionNames.ViewOrgUsers);
        string path = $"/organizations/users/permissions/{user.Uuid:D}/";

        for (int round = 0; round < 3; round++)
        {
            sim.Unassign(user.Uuid, [.. sim.GetAssignedPermissionNames(user.Uuid)]);
            sim.Assign(user.Uuid, CruxPermissionNames.ViewOrgUsers);
            sim.Requests.Clear();

            // Each set holds one permission no other set holds, so every set after the first must remove and add.
            string[][] sets = Enumerable.Range(0, concurrent).Select(i => new[] { Exclusive[(i + round) % Exclusive.Length] }).ToArray();
            await Task.WhenAll(sets.Select(set => Task.Run(() => client.OrganizationUsers.SetPermissionsAsync(user.Uuid, set.Select(sim.PermissionUuid)))));

            string[] final = [.. sim.GetAssignedPermissionNames(user.Uuid)];
            Assert.Contains(sets, set => set.Order().SequenceEqual(final.Order()));

            // One set at a time: each GET is followed by that set's changes before the next GET.
            string[] methods = sim.Requests.Snapshot().Where(r => r.Path == path).Select(r => r.Method).ToArray();
            Assert.Equal(concurrent, methods.Count(m => m == "GET"));
            for (int i = 1; i < methods.Length; i++)
            {
                Assert.False(methods[i] == "GET" && methods[i - 1] == "GET", $"two reads in a row: {string.Join(' ', methods)}");
            }
        }
    }

    private static bool IsLogin(RecordedRequest request) => request.Path.EndsWith("/user-login/", StringComparison.Ordinal);

    private static int Logins(CruxSimulator sim) => sim.Requests.Count(IsLogin);

    /// <summary>Reports inline, on the thread that reports (unlike <see cref="Progress{T}"/>).</summary>
    private sealed class InlineProgress(Action<CruxBulkProgress> report) : IProgress<CruxBulkProgress>
    {
        public void Report(CruxBulkProgress value) => report(value);
    }
}
