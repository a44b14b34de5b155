namespace Crux.Connect.Testing.Tests;

public sealed class CatalogTests
{
    [Fact]
    public void Catalog_Default_HoldsEveryDocumentedNameOnce()
    {
        var sim = new CruxSimulator();

        Assert.Equal(21, sim.Catalog.Count);
        Assert.Equal(21, sim.Catalog.Select(p => p.Name).Distinct().Count());
        Assert.Equal(13, sim.Catalog.Count(p => p.Visibility == SimulatedPermission.BothVisibility));
        Assert.Equal(["create_order", "view_inventory_lists", "edit_inventory_lists"],
            sim.Catalog.Where(p => p.Visibility == SimulatedPermission.RetailerVisibility).Select(p => p.Name));
        Assert.Equal(["edit_items", "add_order_tracking", "allocate_order", "view_supplier_catalogs", "edit_supplier_catalogs"],
            sim.Catalog.Where(p => p.Visibility == SimulatedPermission.SupplierVisibility).Select(p => p.Name));
        Assert.All(sim.Catalog, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.DisplayName));
            Assert.False(string.IsNullOrWhiteSpace(p.Description));
            Assert.False(string.IsNullOrWhiteSpace(p.Grouping));
        });
    }

    [Fact]
    public void PermissionUuid_TwoInstances_Differ()
    {
        var a = new CruxSimulator();
        var b = new CruxSimulator();

        Assert.NotEqual(a.PermissionUuid("edit_org_users"), b.PermissionUuid("edit_org_users"));
        Assert.Empty(a.Catalog.Select(p => p.Uuid).Intersect(b.Catalog.Select(p => p.Uuid)));
        Assert.NotEqual(a.SupplierAdmin.Token, b.SupplierAdmin.Token);
    }

    [Fact]
    public void PermissionUuid_SameSeed_Reproduces()
    {
        var a = new CruxSimulator(new CruxSimulatorOptions { Seed = 7 });
        var b = new CruxSimulator(new CruxSimulatorOptions { Seed = 7 });
        var c = new CruxSimulator(new CruxSimulatorOptions { Seed = 8 });

        Assert.Equal(a.Catalog.Select(p => p.Uuid), b.Catalog.Select(p => p.Uuid));
        Assert.Equal(a.SupplierAdmin.Token, b.SupplierAdmin.Token);
        Assert.Equal(a.SupplierMember.Uuid, b.SupplierMember.Uuid);
        Assert.NotEqual(a.PermissionUuid("view_order"), c.PermissionUuid("view_order"));
    }

    [Fact]
    public void PermissionUuid_Generated_IsVersion4()
    {
        var uuid = new CruxSimulator().PermissionUuid("view_org_users").ToString("D");

        Assert.Equal('4', uuid[14]);
        Assert.Contains(uuid[19], "89ab");
    }

    [Fact]
    public void Permission_UnknownName_Throws()
    {
        var sim = new CruxSimulator();

        Assert.Throws<ArgumentException>(() => sim.PermissionUuid("delete_everything"));
        Assert.Equal("edit_items", sim.Permission("edit_items").Name);
        Assert.False(sim.Permission("edit_items").IsValidFor(SimulatedOrganizationType.Retailer));
        Assert.True(sim.Permission("view_order").IsValidFor(SimulatedOrganizationType.Retailer));
    }
}
