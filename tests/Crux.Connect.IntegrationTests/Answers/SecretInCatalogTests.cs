using static Crux.Connect.IntegrationTests.Answers.CruxLikeServer;

namespace Crux.Connect.IntegrationTests.Answers;

/// <summary>
/// Issue 19: every message that lists catalog names redacts them. A catalog (or a user read) that echoes the request's
/// token into a permission's text is not Crux's answer: it is refused as a whole, so no name, display name or description
/// carrying the secret reaches a message, a result or the tool's tables.
/// </summary>
public sealed class SecretInCatalogTests
{
    private static readonly Guid Echoed = Guid.Parse("55555555-5555-4555-8555-555555555555");

    public static TheoryData<string> EchoedPermissions => new()
    {
        // The token as a name, inside a name, in the display name and the description, and URL-encoded in a name.
        $$"""{"uuid":"{{Echoed:D}}","name":"{{Json(Hostile.Hostile.Token)}}","display_name":"x","description":"","visibility":"BOTH","grouping":"ORDERS"}""",
        $$"""{"uuid":"{{Echoed:D}}","name":"perm_{{Json(Hostile.Hostile.Token)}}_x","display_name":"x","description":"","visibility":"BOTH","grouping":"ORDERS"}""",
        $$"""{"uuid":"{{Echoed:D}}","name":"view_all","display_name":"Token {{Json(Hostile.Hostile.Token)}}","description":"","visibility":"BOTH","grouping":"ORDERS"}""",
        $$"""{"uuid":"{{Echoed:D}}","name":"view_all","display_name":"x","description":"{{Json(Hostile.Hostile.Token.ToUpperInvariant())}}","visibility":"BOTH","grouping":"ORDERS"}""",
        $$"""{"uuid":"{{Echoed:D}}","name":"{{Uri.EscapeDataString(Hostile.Hostile.Token)}}","display_name":"x","description":"","visibility":"BOTH","grouping":"ORDERS"}""",
    };

    [Theory]
    [MemberData(nameof(EchoedPermissions))]
    public async Task Catalog_PermissionTextCarriesTheToken_RefusedAndNoMessageHoldsIt(string echoed)
    {
        string catalog = $"[{Permission(ViewOrder, "view_order")},{echoed},{Permission(EditItems, "edit_items")}]";
        await using RawHttpServer server = Start(204, null, string.Empty, catalog: catalog);
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);

        var all = await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.GetAllPermissionsAsync());
        // A by-name call whose name is unknown would list the catalog's names in its message: it fails on the catalog first.
        var byName = await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.Hostile.User, ["no_such_permission"]));

        foreach (Exception e in new Exception[] { all, byName })
        {
            Hostile.Hostile.AssertNoSecret(Hostile.Hostile.Token, e.ToString(), "the exception");
            Hostile.Hostile.AssertNoSecret(Hostile.Hostile.Token, ((CruxInvalidResponseException)e).ResponseBody, "the response body");
        }

        Assert.Equal(0, Changes(server));
    }

    [Fact]
    public async Task UserRead_PermissionNameCarriesTheToken_Refused()
    {
        string read = "{\"permissions\":[" +
            $"{{\"assigned\":true,\"permission\":{Permission(ViewOrder, "view_order")}}}," +
            $"{{\"assigned\":false,\"permission\":{Permission(Echoed, Json(Hostile.Hostile.Token))}}}]}}";
        await using RawHttpServer server = Start(204, null, string.Empty, userRead: read);
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress);

        var e = await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.GetPermissionsAsync(Hostile.Hostile.User));
        Hostile.Hostile.AssertNoSecret(Hostile.Hostile.Token, e.ToString(), "the exception");
    }

    private static string Json(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
