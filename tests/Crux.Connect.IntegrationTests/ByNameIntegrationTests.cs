using Crux.Connect.Testing;

namespace Crux.Connect.IntegrationTests;

public class ByNameIntegrationTests
{
    [Fact]
    public async Task RemovePermissionsAsync_ByNameOverHttp_RemovesTheRightPermissionInTwoEnvironmentsWithDifferentUuids()
    {
        var first = new CruxSimulator();
        var second = new CruxSimulator();
        Assert.NotEqual(first.PermissionUuid(CruxPermissionNames.ViewOrder), second.PermissionUuid(CruxPermissionNames.ViewOrder));
        await using CruxSimulatorServer firstServer = await first.StartServerAsync();
        await using CruxSimulatorServer secondServer = await second.StartServerAsync();
        using var http = new HttpClient();

        foreach ((CruxSimulator simulator, CruxSimulatorServer server) in new[] { (first, firstServer), (second, secondServer) })
        {
            var client = new CruxClient(http, new CruxClientOptions { BaseAddress = server.BaseAddress, ApiToken = simulator.RetailerAdmin.Token });

            RemovePermissionsResult result = await client.OrganizationUsers.RemovePermissionsAsync(
                simulator.RetailerMember.Uuid, [CruxPermissionNames.ViewOrder, CruxPermissionNames.ExportOrder]);

            Assert.Equal([simulator.PermissionUuid(CruxPermissionNames.ViewOrder), simulator.PermissionUuid(CruxPermissionNames.ExportOrder)], result.PermissionUuids);
            IReadOnlyList<string> left = simulator.GetAssignedPermissionNames(simulator.RetailerMember.Uuid);
            Assert.DoesNotContain(CruxPermissionNames.ViewOrder, left);
            Assert.DoesNotContain(CruxPermissionNames.ExportOrder, left);
            Assert.Contains(CruxPermissionNames.CancelOrder, left);
        }
    }

    [Fact]
    public async Task RemovePermissionsAsync_UnknownNameOverHttp_ThrowsAndSendsNoDelete()
    {
        var simulator = new CruxSimulator();
        await using CruxSimulatorServer server = await simulator.StartServerAsync();
        using var http = new HttpClient();
        var client = new CruxClient(http, new CruxClientOptions { BaseAddress = server.BaseAddress, ApiToken = simulator.RetailerAdmin.Token });

        var exception = await Assert.ThrowsAsync<CruxUnknownPermissionException>(() =>
            client.OrganizationUsers.RemovePermissionsAsync(simulator.RetailerMember.Uuid, [CruxPermissionNames.ViewOrder, "view_orders"]));
        Assert.Equal(["view_orders"], exception.UnknownNames);
        Assert.Contains(CruxPermissionNames.CreateOrder, exception.ValidNames);

        Assert.Equal("permissionNames", exception.ParamName);
        Assert.Contains("'view_orders'", exception.Message);
        Assert.Contains(CruxPermissionNames.CreateOrder, exception.Message);
        Assert.DoesNotContain(simulator.Requests.Snapshot(), r => r.Method == "DELETE");
        Assert.Contains(CruxPermissionNames.ViewOrder, simulator.GetAssignedPermissionNames(simulator.RetailerMember.Uuid));
    }
}
