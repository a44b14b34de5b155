using System.Net;
using Crux.Connect.Testing;

namespace Crux.Connect.IntegrationTests;

public class LoginIntegrationTests
{
    private static bool IsLogin(RecordedRequest r) => r.Path.EndsWith("/user-login/", StringComparison.Ordinal);

    [Fact]
    public async Task Credentials_SixteenConcurrentFirstCallsOverHttp_LogInOnce()
    {
        var simulator = new CruxSimulator();
        await using CruxSimulatorServer server = await simulator.StartServerAsync();
        using var http = new HttpClient();
        SimulatedUser admin = simulator.SupplierAdmin;
        var client = new CruxClient(http, new CruxClientOptions
        {
            BaseAddress = server.BaseAddress,
            Credentials = new CruxCredentials(admin.Username, admin.Password),
        });

        IReadOnlyList<PermissionAssignment>[] answers = await Task.WhenAll(Enumerable.Range(0, 16)
            .Select(_ => client.OrganizationUsers.GetPermissionsAsync(simulator.SupplierMember.Uuid)));

        Assert.All(answers, a => Assert.NotEmpty(a));
        IReadOnlyList<RecordedRequest> requests = simulator.Requests.Snapshot();
        Assert.Single(requests, IsLogin);
        Assert.Equal(16, requests.Count(r => !IsLogin(r) && r.ResponseStatus == HttpStatusCode.OK));
        Assert.DoesNotContain(admin.Password, string.Join("\n", requests.Select(r => r.Header("Authorization") ?? string.Empty)));
    }

    [Fact]
    public async Task Credentials_TokenRejectedOverHttp_LogsInAgainOnceAndSucceeds()
    {
        var simulator = new CruxSimulator();
        await using CruxSimulatorServer server = await simulator.StartServerAsync();
        using var http = new HttpClient();
        SimulatedUser admin = simulator.RetailerAdmin;
        var client = new CruxClient(http, new CruxClientOptions
        {
            BaseAddress = server.BaseAddress,
            Credentials = new CruxCredentials(admin.Username, admin.Password),
        });
        await client.OrganizationUsers.GetAllPermissionsAsync();

        // The next request is refused as if the token had been revoked.
        Guid viewItems = simulator.PermissionUuid(CruxPermissionNames.ViewItems);
        simulator.Faults.FailNext(1, HttpStatusCode.Unauthorized, body: """{"detail":"Invalid token."}""");
        await client.OrganizationUsers.RemovePermissionsAsync(simulator.RetailerMember.Uuid, [viewItems]);

        IReadOnlyList<RecordedRequest> requests = simulator.Requests.Snapshot();
        Assert.Equal(2, requests.Count(IsLogin));
        Assert.Equal(["POST", "GET", "DELETE", "POST", "DELETE"], requests.Select(r => r.Method));
        Assert.Equal(HttpStatusCode.Unauthorized, requests[2].ResponseStatus);
        Assert.DoesNotContain(CruxPermissionNames.ViewItems, simulator.GetAssignedPermissionNames(simulator.RetailerMember.Uuid));
    }

    [Fact]
    public async Task Credentials_WrongPasswordOverHttp_RaisesAuthenticationExceptionWithoutThePassword()
    {
        var simulator = new CruxSimulator();
        await using CruxSimulatorServer server = await simulator.StartServerAsync();
        using var http = new HttpClient();
        const string wrong = "not-the-password-123";
        var client = new CruxClient(http, new CruxClientOptions
        {
            BaseAddress = server.BaseAddress,
            Credentials = new CruxCredentials(simulator.RetailerAdmin.Username, wrong),
        });

        var exception = await Assert.ThrowsAsync<CruxAuthenticationException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        Assert.DoesNotContain(wrong, exception.ToString());
        Assert.Contains(simulator.RetailerAdmin.Username, exception.Message);
    }
}
