using static Crux.Connect.IntegrationTests.Answers.CruxLikeServer;

namespace Crux.Connect.IntegrationTests.Answers;

/// <summary>Issue 20 (SDK side): a documented name of the other organization type is said to be that, not "unknown".</summary>
public sealed class OrganizationTypeNameTests
{
    private static string CatalogOf(params string[] names) =>
        "[" + string.Join(",", names.Select((n, i) => Permission(new Guid(i + 1, 7, 7, new byte[8]), n))) + "]";

    private static readonly string Supplier = CatalogOf("view_org_users", "view_order", "edit_items", "allocate_order", "view_supplier_catalogs");
    private static readonly string Retailer = CatalogOf("view_org_users", "view_order", "create_order", "view_inventory_lists");
    private static readonly string Neither = CatalogOf("view_org_users", "view_order");

    [Theory]
    [InlineData("supplier", "create_order", "retailer", "a supplier organization")]
    [InlineData("supplier", "edit_inventory_lists", "retailer", "a supplier organization")]
    [InlineData("retailer", "edit_items", "supplier", "a retailer organization")]
    [InlineData("retailer", "edit_supplier_catalogs", "supplier", "a retailer organization")]
    [InlineData("neither", "add_order_tracking", "supplier", "this organization")]
    public async Task ByName_NameOfTheOtherOrganizationType_SaysSoNotUnknown(string organization, string name, string forType, string notAvailableTo)
    {
        string catalog = organization switch { "supplier" => Supplier, "retailer" => Retailer, _ => Neither };
        await using RawHttpServer server = Start(204, null, string.Empty, catalog: catalog);
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);

        var removed = await Assert.ThrowsAsync<CruxUnknownPermissionException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.Hostile.User, [name]));
        var set = await Assert.ThrowsAsync<CruxUnknownPermissionException>(() => client.OrganizationUsers.SetPermissionsAsync(Hostile.Hostile.User, ["view_order", name]));

        Assert.Equal([name], removed.OtherOrganizationTypeNames);
        Assert.Equal([name], set.OtherOrganizationTypeNames);
        Assert.Contains($"'{name}' is for {forType} organizations only and is not available to {notAvailableTo}", removed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Unknown", removed.Message, StringComparison.Ordinal);
        Assert.Equal(0, Changes(server));
    }

    [Fact]
    public async Task ByName_OtherTypeAndUnknownNamesTogether_SaysEachForWhatItIs()
    {
        await using RawHttpServer server = Start(204, null, string.Empty, catalog: Supplier);
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CruxUnknownPermissionException>(() => client.OrganizationUsers.AddPermissionsAsync(Hostile.Hostile.User, ["no_such_permission", "create_order"]));

        Assert.Equal(["no_such_permission", "create_order"], exception.UnknownNames);
        Assert.Equal(["create_order"], exception.OtherOrganizationTypeNames);
        Assert.Contains("'create_order' is for retailer organizations only", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Unknown permission name: 'no_such_permission'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ByName_OtherTypeName_CatalogNamesInTheMessageAreEscaped()
    {
        string catalog = CatalogOf("view_order", "edit_items", "evil\u001b[2J\r\nforged line");
        await using RawHttpServer server = Start(204, null, string.Empty, catalog: catalog.Replace("\u001b", "\\u001b", StringComparison.Ordinal).Replace("\r\n", "\\r\\n", StringComparison.Ordinal));
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CruxUnknownPermissionException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.Hostile.User, ["create_order"]));

        Assert.DoesNotContain('\u001b', exception.Message);
        Assert.DoesNotContain('\n', exception.Message);
        Assert.Contains("evil\\u001b[2J\\r\\nforged line", exception.Message, StringComparison.Ordinal);
    }
}
