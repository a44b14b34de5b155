using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Crux.Connect.Testing.Tests.Support;

namespace Crux.Connect.Testing.Tests;

public sealed class KestrelServerTests
{
    [Fact]
    public async Task StartServerAsync_Default_BindsLoopbackWithTrailingSlash()
    {
        var sim = new CruxSimulator();
        await using var server = await sim.StartServerAsync();

        Assert.Equal("127.0.0.1", server.BaseAddress.Host);
        Assert.NotEqual(0, server.BaseAddress.Port);
        Assert.EndsWith("/", server.BaseAddress.AbsoluteUri);
        Assert.Same(sim, server.Simulator);
    }

    [Fact]
    public async Task DisposeAsync_RunningServer_StopsAcceptingConnections()
    {
        var sim = new CruxSimulator();
        var server = await sim.StartServerAsync();
        var port = server.BaseAddress.Port;

        await server.DisposeAsync();
        await server.DisposeAsync();

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(IPAddress.Loopback, port));
    }

    [Fact]
    public async Task Delete_BodyWithContentLength_IsReadAndLoggedAsContentLength()
    {
        await using var h = await SimulatorHarness.StartAsync(Door.Http);
        var sim = h.Simulator;
        var body = SimulatorHarness.UuidsBody(sim.PermissionUuid("view_order"));

        using var response = await h.DeleteAsync(sim.SupplierAdmin, sim.SupplierMember.Uuid, sim.PermissionUuid("view_order"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var logged = sim.Requests.Last!;
        Assert.Equal("http", logged.Transport);
        Assert.False(logged.IsChunked);
        Assert.Equal(body.Length, logged.ContentLength);
        Assert.Equal(body, logged.BodyText);
        Assert.DoesNotContain("view_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_ChunkedBody_IsReadWholeAndLoggedAsChunked(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;
        var body = SimulatorHarness.UuidsBody(sim.PermissionUuid("view_order"), sim.PermissionUuid("export_order"));
        using var request = new HttpRequestMessage(HttpMethod.Delete, SimulatorHarness.PermissionsPath(sim.SupplierMember.Uuid))
        {
            Content = new UnknownLengthContent(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", sim.SupplierAdmin.Token);

        using var response = await h.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var logged = sim.Requests.Last!;
        Assert.True(logged.IsChunked);
        Assert.Null(logged.ContentLength);
        Assert.Equal(body, logged.BodyText);
        Assert.Equal(["view_org_users", "cancel_order", "view_items"], sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
    }

    [Fact]
    public async Task Delete_BodyInMemory_LoggedWithContentLength()
    {
        await using var h = await SimulatorHarness.StartAsync(Door.InMemory);
        var sim = h.Simulator;

        using var response = await h.DeleteAsync(sim.SupplierAdmin, sim.SupplierMember.Uuid, sim.PermissionUuid("view_order"));

        var logged = sim.Requests.Last!;
        Assert.Equal("memory", logged.Transport);
        Assert.False(logged.IsChunked);
        Assert.Equal(logged.Body.Length, logged.ContentLength);
    }

    [Fact]
    public async Task TwoServers_OneSimulator_ShareState()
    {
        var sim = new CruxSimulator();
        await using var a = await sim.StartServerAsync();
        await using var b = await sim.StartServerAsync();
        using var clientA = new HttpClient { BaseAddress = a.BaseAddress };
        using var clientB = new HttpClient { BaseAddress = b.BaseAddress };
        using var delete = new HttpRequestMessage(HttpMethod.Delete, SimulatorHarness.PermissionsPath(sim.SupplierMember.Uuid))
        {
            Content = new StringContent(SimulatorHarness.UuidsBody(sim.PermissionUuid("view_items")), System.Text.Encoding.UTF8, "application/json"),
        };
        delete.Headers.Authorization = new AuthenticationHeaderValue("Token", sim.SupplierAdmin.Token);
        using var get = new HttpRequestMessage(HttpMethod.Get, SimulatorHarness.PermissionsPath(sim.SupplierMember.Uuid));
        get.Headers.Authorization = new AuthenticationHeaderValue("Token", sim.SupplierAdmin.Token);

        using var deleted = await clientA.SendAsync(delete);
        using var read = await clientB.SendAsync(get);

        Assert.NotEqual(a.BaseAddress, b.BaseAddress);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain("view_items", Json.AssignedNames(await Json.ReadAsync(read)));
    }
}
