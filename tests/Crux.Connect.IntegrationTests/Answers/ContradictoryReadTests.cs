using static Crux.Connect.IntegrationTests.Answers.CruxLikeServer;

namespace Crux.Connect.IntegrationTests.Answers;

/// <summary>Issue 19: a read that contradicts itself (one permission twice, one key twice) is not believed, and nothing is changed on it.</summary>
public sealed class ContradictoryReadTests
{
    private static string Entry(bool assigned, Guid uuid, string name) =>
        $$"""{"assigned":{{(assigned ? "true" : "false")}},"permission":{{Permission(uuid, name)}}}""";

    public static TheoryData<string> ContradictoryUserReads => new()
    {
        // The same permission listed twice with different "assigned", in both orders.
        $$"""{"permissions":[{{Entry(true, ViewOrder, "view_order")}},{{Entry(false, ViewOrder, "view_order")}},{{Entry(false, EditItems, "edit_items")}}]}""",
        $$"""{"permissions":[{{Entry(false, EditItems, "edit_items")}},{{Entry(false, ViewOrder, "view_order")}},{{Entry(true, ViewOrder, "view_order")}}]}""",
        // "assigned" twice in one entry: as sent, in another casing, escaped.
        """{"permissions":[{"assigned":true,"assigned":false,"permission":""" + Permission(ViewOrder, "view_order") + "}," + Entry(false, EditItems, "edit_items") + "]}",
        """{"permissions":[{"Assigned":false,"permission":""" + Permission(ViewOrder, "view_order") + ""","assigned":true},""" + Entry(false, EditItems, "edit_items") + "]}",
        """{"permissions":[{"assign\u0065d":true,"permission":""" + Permission(ViewOrder, "view_order") + ""","assigned":false},""" + Entry(false, EditItems, "edit_items") + "]}",
        // "permissions" twice: the last would win.
        $$"""{"permissions":[{{Entry(true, ViewOrder, "view_order")}},{{Entry(false, EditItems, "edit_items")}}],"permissions":[{{Entry(false, ViewOrder, "view_order")}},{{Entry(false, EditItems, "edit_items")}}]}""",
        // "uuid" or "permission" twice.
        """{"permissions":[{"assigned":true,"permission":{"uuid":"33333333-3333-4333-8333-333333333333","name":"view_order","uuid":"11111111-1111-4111-8111-111111111111"}},""" + Entry(false, EditItems, "edit_items") + "]}",
        """{"permissions":[{"assigned":true,"permission":""" + Permission(ViewOrder, "view_order") + ""","permission":""" + Permission(EditItems, "edit_items") + "}," + Entry(false, EditItems, "edit_items") + "]}",
        // One uuid under two names.
        $$"""{"permissions":[{{Entry(true, ViewOrder, "view_order")}},{{Entry(true, ViewOrder, "export_order")}},{{Entry(false, EditItems, "edit_items")}}]}""",
    };

    [Theory]
    [MemberData(nameof(ContradictoryUserReads))]
    public async Task GetPermissions_ReadContradictsItself_RaisesCruxInvalidResponseException(string read)
    {
        await using RawHttpServer server = Start(204, null, string.Empty, userRead: read);
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);

        await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.GetPermissionsAsync(Hostile.Hostile.User));
    }

    [Theory]
    [MemberData(nameof(ContradictoryUserReads))]
    public async Task SetAndPlan_ReadContradictsItself_RaiseCruxInvalidResponseExceptionAndChangeNothing(string read)
    {
        await using RawHttpServer server = Start(204, null, string.Empty, userRead: read);
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);

        await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.SetPermissionsAsync(Hostile.Hostile.User, [EditItems]));
        await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.PlanPermissionChangesAsync(Hostile.Hostile.User, [EditItems]));
        PermissionChangePlan plan = await client.OrganizationUsers.PlanPermissionChangesAsync(new Dictionary<Guid, IEnumerable<Guid>> { [Hostile.Hostile.User] = [EditItems] });

        Assert.Empty(plan.Users);
        Assert.IsType<CruxInvalidResponseException>(Assert.Single(plan.Failures).Exception);
        Assert.Equal(0, Changes(server));
    }

    [Theory]
    [InlineData("""[{"uuid":"11111111-1111-4111-8111-111111111111","name":"view_order","name":"edit_items"}]""")]
    [InlineData("""[{"uuid":"11111111-1111-4111-8111-111111111111","UUID":"22222222-2222-4222-8222-222222222222","name":"view_order"}]""")]
    [InlineData("""[{"Name":"edit_items","uuid":"11111111-1111-4111-8111-111111111111","name":"view_order"}]""")]
    public async Task Catalog_KeySaidTwice_RaisesCruxInvalidResponseExceptionAndByNameSendsNothing(string catalog)
    {
        await using RawHttpServer server = Start(204, null, string.Empty, catalog: catalog);
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);

        await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.GetAllPermissionsAsync());
        await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.Hostile.User, ["view_order"]));
        Assert.Equal(0, Changes(server));
    }
}
