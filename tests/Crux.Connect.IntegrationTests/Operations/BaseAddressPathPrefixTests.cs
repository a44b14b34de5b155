using Crux.Connect.Testing;

namespace Crux.Connect.IntegrationTests.Operations;

/// <summary>A base address with a path prefix (a gateway in front of Crux Connect), served by the simulator's PathBase.</summary>
public sealed class BaseAddressPathPrefixTests
{
    public static TheoryData<Wiring, CruxApiVersion, bool> Cases
    {
        get
        {
            var data = new TheoryData<Wiring, CruxApiVersion, bool>();
            foreach (var wiring in Enum.GetValues<Wiring>())
            {
                foreach (var version in Enum.GetValues<CruxApiVersion>())
                {
                    data.Add(wiring, version, true);
                    data.Add(wiring, version, false);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryOperation_BaseAddressWithPathPrefix_KeepsThePrefixWithOrWithoutTrailingSlash(
        Wiring wiring, CruxApiVersion version, bool trailingSlash)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http, new CruxSimulatorOptions { PathBase = "/gateway/crux" });
        var sim = live.Simulator;
        Uri root = wiring == Wiring.InMemoryHandler ? SimulatorHarness.InMemoryBaseAddress : live.ServerAddress;
        var baseAddress = new Uri(root, trailingSlash ? "gateway/crux/" : "gateway/crux");
        var users = live.Connect(wiring, sim.SupplierAdmin.Token, version, baseAddress);
        Guid viewOrder = sim.PermissionUuid("view_order");

        var catalog = await users.GetAllPermissionsAsync();
        await users.RemovePermissionsAsync(sim.SupplierMember.Uuid, [viewOrder]);
        await users.AddPermissionsAsync(sim.SupplierMember.Uuid, [sim.PermissionUuid("edit_items")]);
        var assignments = await users.GetPermissionsAsync(sim.SupplierMember.Uuid);

        Assert.Equal(18, catalog.Count);
        Assert.False(assignments.Single(a => a.Permission.Uuid == viewOrder).Assigned);
        Assert.True(assignments.Single(a => a.Permission.Name == "edit_items").Assigned);
        Assert.Equal(
            [
                live.LoggedAllPermissionsPath(version),
                live.LoggedPermissionsPath(sim.SupplierMember.Uuid, version),
                live.LoggedPermissionsPath(sim.SupplierMember.Uuid, version),
                live.LoggedPermissionsPath(sim.SupplierMember.Uuid, version),
            ],
            sim.Requests.Snapshot().Select(r => r.Path));
        Assert.All(sim.Requests.Snapshot(), r => Assert.StartsWith("/gateway/crux/", r.Path, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Wirings.OverHttp), MemberType = typeof(Wirings))]
    public async Task RemovePermissionsAsync_PrefixMissingFromBaseAddress_ThrowsNotFoundException(Wiring wiring)
    {
        await using var live = await SimulatorHarness.StartAsync(Door.Http, new CruxSimulatorOptions { PathBase = "/crux" });
        var sim = live.Simulator;
        var users = live.Connect(wiring, sim.SupplierAdmin.Token, baseAddress: live.ServerAddress);

        var e = await Assert.ThrowsAsync<CruxNotFoundException>(
            () => users.RemovePermissionsAsync(sim.SupplierMember.Uuid, [sim.PermissionUuid("view_order")]));

        Assert.Equal("Not found.", e.Detail);
        Assert.Contains("view_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
    }
}
