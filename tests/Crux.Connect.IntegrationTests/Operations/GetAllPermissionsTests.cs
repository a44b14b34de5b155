using Crux.Connect.Testing;

namespace Crux.Connect.IntegrationTests.Operations;

public sealed class GetAllPermissionsTests
{
    [Theory]
    [MemberData(nameof(Wirings.AllWithVersions), MemberType = typeof(Wirings))]
    public async Task GetAllPermissionsAsync_SupplierAdmin_ReturnsTheSupplierCatalogWithThisInstancesUuids(Wiring wiring, CruxApiVersion version)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var users = live.Connect(wiring, sim.SupplierAdmin.Token, version);

        IReadOnlyList<Permission> catalog = await users.GetAllPermissionsAsync();

        var expected = sim.Catalog.Where(p => p.Visibility is SimulatedPermission.BothVisibility or SimulatedPermission.SupplierVisibility).ToList();
        Assert.Equal(expected.Select(p => (p.Uuid, p.Name)), catalog.Select(p => (p.Uuid, p.Name)));
        Assert.Equal(18, catalog.Count);
        Assert.DoesNotContain(catalog, p => p.Name == "create_order");
        var logged = Assert.Single(sim.Requests.Snapshot());
        Assert.Equal("GET", logged.Method);
        Assert.Equal(live.LoggedAllPermissionsPath(version), logged.Path);
        Assert.Equal(SimulatorHarness.TransportOf(wiring), logged.Transport);
    }

    [Fact]
    public async Task GetAllPermissionsAsync_RetailerViewer_ReturnsTheRetailerCatalog()
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http);
        var sim = live.Simulator;
        var users = live.Connect(Wiring.Constructor, sim.RetailerViewer.Token);

        IReadOnlyList<Permission> catalog = await users.GetAllPermissionsAsync();

        Assert.Equal(16, catalog.Count);
        Assert.Contains(catalog, p => p.Name == "create_order" && p.Visibility == "RETAILER");
        Assert.DoesNotContain(catalog, p => p.Visibility == "SUPPLIER");
    }

    [Fact]
    public async Task GetAllPermissionsAsync_TwoSimulators_ResolveTheSameNameToDifferentUuids()
    {
        // Why callers resolve names through the catalog: uuids differ per environment, as per simulator instance.
        await using var first = await SimulatorHarness.StartAsync(Door.Http);
        await using var second = await SimulatorHarness.StartAsync(Door.Http);

        var one = await first.Connect(Wiring.Constructor, first.Simulator.SupplierAdmin.Token).GetAllPermissionsAsync();
        var other = await second.Connect(Wiring.Constructor, second.Simulator.SupplierAdmin.Token).GetAllPermissionsAsync();

        Assert.Equal(one.Select(p => p.Name), other.Select(p => p.Name));
        Assert.NotEqual(one.Single(p => p.Name == "edit_org_users").Uuid, other.Single(p => p.Name == "edit_org_users").Uuid);
    }
}
