using System.Net;
using Crux.Connect.Testing.Tests.Support;

namespace Crux.Connect.Testing.Tests;

public sealed class LoginTests
{
    private const string LoginPath = "organizations/user-login/";

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Login_SupplierAdmin_AnswersDocumentedFields(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var admin = h.Simulator.SupplierAdmin;

        using var response = await h.SendAsync(HttpMethod.Post, LoginPath, json: $$"""{"username":"{{admin.Username}}","password":"{{admin.Password}}"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal(admin.Token, body.GetProperty("auth_token").GetString());
        Assert.Equal(h.Simulator.Supplier.Uuid.ToString("D"), body.GetProperty("org_uuid").GetString());
        Assert.Equal(admin.Uuid.ToString("D"), body.GetProperty("user_uuid").GetString());
        Assert.Equal(h.Simulator.Supplier.Uuid.ToString("D"), body.GetProperty("supplier_uuid").GetString());
        Assert.Equal(string.Empty, body.GetProperty("retailer_uuid").GetString());
        Assert.Equal("SUPPLIER", body.GetProperty("org_type").GetString());
        var assignments = body.GetProperty("permission_assignments");
        Assert.True(assignments.GetProperty("edit_org_users").GetBoolean());
        Assert.True(assignments.GetProperty("edit_items").GetBoolean());
        Assert.False(assignments.TryGetProperty("create_order", out _));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Login_RetailerViewer_ReportsRetailerKindAndUnassignedAsFalse(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var viewer = h.Simulator.RetailerViewer;

        using var response = await h.SendAsync(HttpMethod.Post, "timp/" + LoginPath, json: $$"""{"username":"{{viewer.Username}}","password":"{{viewer.Password}}"}""");

        var body = await Json.ReadAsync(response);
        Assert.Equal("RETAILER", body.GetProperty("org_type").GetString());
        Assert.Equal(h.Simulator.Retailer.Uuid.ToString("D"), body.GetProperty("retailer_uuid").GetString());
        Assert.Equal(string.Empty, body.GetProperty("supplier_uuid").GetString());
        Assert.True(body.GetProperty("permission_assignments").GetProperty("view_org_users").GetBoolean());
        Assert.False(body.GetProperty("permission_assignments").GetProperty("edit_org_users").GetBoolean());
        Assert.False(body.GetProperty("permission_assignments").TryGetProperty("edit_items", out _));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Login_WrongPassword_Answers400NonFieldErrors(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var response = await h.SendAsync(HttpMethod.Post, LoginPath, json: $$"""{"username":"{{h.Simulator.SupplierAdmin.Username}}","password":"nope"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal("Unable to log in with provided credentials.", body.GetProperty("non_field_errors")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Login_MissingFields_Answers400PerField(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var response = await h.SendAsync(HttpMethod.Post, LoginPath, json: """{"username":""}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal("This field may not be blank.", body.GetProperty("username")[0].GetString());
        Assert.Equal("This field is required.", body.GetProperty("password")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Login_Get_Answers405(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var response = await h.SendAsync(HttpMethod.Get, LoginPath);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("Method \"GET\" not allowed.", await Json.DetailAsync(response));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Login_TokenFromLogin_AuthenticatesLaterCalls(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var admin = h.Simulator.RetailerAdmin;
        using var login = await h.SendAsync(HttpMethod.Post, LoginPath, json: $$"""{"username":"{{admin.Username}}","password":"{{admin.Password}}"}""");
        var token = (await Json.ReadAsync(login)).GetProperty("auth_token").GetString();

        using var response = await h.SendAsync(HttpMethod.Get, "organizations/all_permissions/", authorization: $"Token {token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
