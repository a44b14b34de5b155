using System.Net;
using Crux.Connect.Testing.Tests.Support;

namespace Crux.Connect.Testing.Tests;

public sealed class BodyValidationTests
{
    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_TextPlainBody_Answers415(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;

        using var response = await h.SendAsync(
            HttpMethod.Delete, SimulatorHarness.PermissionsPath(sim.SupplierMember.Uuid), sim.SupplierAdmin,
            SimulatorHarness.UuidsBody(sim.PermissionUuid("view_order")), contentType: "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Unsupported media type \"text/plain\" in request.", await Json.DetailAsync(response));
        Assert.Contains("view_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_NoBody_Answers400FieldRequired(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var response = await h.SendAsync(HttpMethod.Delete, SimulatorHarness.PermissionsPath(h.Simulator.SupplierMember.Uuid), h.Simulator.SupplierAdmin);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json.ReadAsync(response);
        Assert.Equal("This field is required.", body.GetProperty("permission_uuids")[0].GetString());
    }

    public static TheoryData<Door, string, string, string> BadBodies()
    {
        var cases = new (string Body, string Field, string Message)[]
        {
            ("{}", "permission_uuids", "This field is required."),
            ("""{"permission_uuids":null}""", "permission_uuids", "This field may not be null."),
            ("""{"permission_uuids":"abc"}""", "permission_uuids", "Expected a list of items but got type \"str\"."),
            ("""{"permission_uuids":[]}""", "permission_uuids", "This list may not be empty."),
            ("[1,2]", "non_field_errors", "Invalid data. Expected a dictionary, but got list."),
        };
        var data = new TheoryData<Door, string, string, string>();
        foreach (var door in new[] { Door.InMemory, Door.Http })
        {
            foreach (var (body, field, message) in cases)
            {
                data.Add(door, body, field, message);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Delete_WrongShape_Answers400WithDrfFieldError(Door door, string body, string field, string message)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var response = await h.SendAsync(HttpMethod.Delete, SimulatorHarness.PermissionsPath(h.Simulator.SupplierMember.Uuid), h.Simulator.SupplierAdmin, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await Json.ReadAsync(response)).GetProperty(field)[0].GetString());
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Delete_InvalidUuidItems_Answers400KeyedByIndex(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;
        var json = $$"""{"permission_uuids":["{{sim.PermissionUuid("view_order"):D}}","not-a-uuid",7]}""";

        using var response = await h.SendAsync(HttpMethod.Delete, SimulatorHarness.PermissionsPath(sim.SupplierMember.Uuid), sim.SupplierAdmin, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("permission_uuids");
        Assert.False(errors.TryGetProperty("0", out _));
        Assert.Equal("Must be a valid UUID.", errors.GetProperty("1")[0].GetString());
        Assert.Equal("Must be a valid UUID.", errors.GetProperty("2")[0].GetString());
        Assert.Contains("view_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task Patch_MalformedJson_Answers400ParseError(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);

        using var response = await h.SendAsync(new HttpMethod("PATCH"), SimulatorHarness.PermissionsPath(h.Simulator.SupplierMember.Uuid), h.Simulator.SupplierAdmin, "{\"permission_uuids\": [");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("JSON parse error", await Json.DetailAsync(response));
    }
}
