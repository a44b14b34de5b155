using static Crux.Connect.IntegrationTests.Answers.CruxLikeServer;

namespace Crux.Connect.IntegrationTests.Answers;

/// <summary>Issue 19: a catalog that lists one name under two uuids makes that name ambiguous; nothing is sent, nothing swapped.</summary>
public sealed class AmbiguousNameTests
{
    private static readonly Guid Twin = Guid.Parse("44444444-4444-4444-8444-444444444444");

    public static TheoryData<string, string> AmbiguousCatalogs => new()
    {
        { $"[{Permission(ViewOrder, "view_order")},{Permission(EditItems, "edit_items")},{Permission(ExportOrder, "export_order")},{Permission(Twin, "view_order")}]", "view_order" },
        { $"[{Permission(Twin, "view_order")},{Permission(ViewOrder, "view_order")},{Permission(EditItems, "edit_items")},{Permission(ExportOrder, "export_order")}]", "view_order" },
        { $"[{Permission(ViewOrder, "view_order")},{Permission(Twin, "View_Order")},{Permission(EditItems, "edit_items")},{Permission(ExportOrder, "export_order")}]", "view_order" },
        { $"[{Permission(ViewOrder, "VIEW_ORDER")},{Permission(EditItems, "edit_items")},{Permission(ExportOrder, "export_order")},{Permission(Twin, "view_order")}]", "view_order" },
        { $"[{Permission(ViewOrder, "view_order")},{Permission(EditItems, "edit_items")},{Permission(ExportOrder, "export_order")},{Permission(Twin, "edit_items")}]", "edit_items" },
    };

    [Theory]
    [MemberData(nameof(AmbiguousCatalogs))]
    public async Task ByName_NameListedUnderTwoUuids_RaisesCruxAmbiguousPermissionExceptionNamingBothAndSendsNothing(string catalog, string name)
    {
        await using RawHttpServer server = Start(204, null, string.Empty, catalog: catalog);
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);
        Guid[] both = name == "view_order" ? [ViewOrder, Twin] : [EditItems, Twin];

        var removed = await Assert.ThrowsAsync<CruxAmbiguousPermissionException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.Hostile.User, [name]));
        await Assert.ThrowsAsync<CruxAmbiguousPermissionException>(() => client.OrganizationUsers.AddPermissionsAsync(Hostile.Hostile.User, ["export_order", name]));
        await Assert.ThrowsAsync<CruxAmbiguousPermissionException>(() => client.OrganizationUsers.SetPermissionsAsync(Hostile.Hostile.User, [name]));
        await Assert.ThrowsAsync<CruxAmbiguousPermissionException>(() => client.OrganizationUsers.PlanPermissionChangesAsync(
            new Dictionary<Guid, IEnumerable<string>> { [Hostile.Hostile.User] = [name] }));

        Assert.Equal(both.OrderBy(u => u), removed.PermissionUuids.OrderBy(u => u));
        Assert.All(both, u => Assert.Contains(u.ToString("D"), removed.Message, StringComparison.Ordinal));
        Assert.Equal(0, Changes(server));
        Assert.DoesNotContain(server.Requests, r => r.Target.Contains("/users/", StringComparison.Ordinal));

        // The names the catalog lists once still resolve.
        await client.OrganizationUsers.RemovePermissionsAsync(Hostile.Hostile.User, ["export_order"]);
        Assert.Equal(1, Changes(server));
    }

    [Theory]
    [InlineData(true, "view_order", "view_order")]
    [InlineData(false, "view_order", "view_order")]
    [InlineData(true, "view_order", "VIEW_order")]
    public async Task SetAndPlan_UserHoldsOneOfTwoUuidsOfOneName_NeverSwapsThem(bool holdsFirst, string firstName, string twinName)
    {
        string read = "{\"permissions\":[" +
            $"{{\"assigned\":{(holdsFirst ? "true" : "false")},\"permission\":{Permission(ViewOrder, firstName)}}}," +
            $"{{\"assigned\":{(holdsFirst ? "false" : "true")},\"permission\":{Permission(Twin, twinName)}}}," +
            $"{{\"assigned\":false,\"permission\":{Permission(EditItems, "edit_items")}}}]}}";
        await using RawHttpServer server = Start(204, null, string.Empty, userRead: read);
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);
        Guid wanted = holdsFirst ? Twin : ViewOrder;

        var set = await Assert.ThrowsAsync<CruxAmbiguousPermissionException>(() => client.OrganizationUsers.SetPermissionsAsync(Hostile.Hostile.User, [wanted, EditItems]));
        await Assert.ThrowsAsync<CruxAmbiguousPermissionException>(() => client.OrganizationUsers.PlanPermissionChangesAsync(Hostile.Hostile.User, [wanted]));

        Assert.Equal(Hostile.Hostile.User, set.UserUuid);
        Assert.Contains(ViewOrder, set.PermissionUuids);
        Assert.Contains(Twin, set.PermissionUuids);
        Assert.Equal(0, Changes(server));

        // Keeping the one held and adding an unrelated permission is no swap.
        await client.OrganizationUsers.SetPermissionsAsync(Hostile.Hostile.User, [holdsFirst ? ViewOrder : Twin, EditItems]);
        Assert.Equal(1, Changes(server));
    }
}
