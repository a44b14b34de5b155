using System.Text.Json;
using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Tests.Support;
using Crux.Connect.Testing;

namespace Crux.Connect.Cli.Tests;

public class UserCommandTests
{
    [Fact]
    public async Task UserShow_Human_AssignedFirstThenTheRest()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        Guid member = server.Simulator.SupplierMember.Uuid;

        CliResult result = await CruxTool.RunAsync(server.Args("user", "show", member.ToString()), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("5 of 18 assigned.", result.Out);
        string[] lines = result.Out.Split('\n');
        int lastYes = Array.FindLastIndex(lines, l => l.Contains("│ yes"));
        int firstNo = Array.FindIndex(lines, l => l.Contains("│ -"));
        Assert.True(lastYes < firstNo, result.Out);
    }

    [Fact]
    public async Task UserShow_Json_EveryPermissionWithAssigned()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        Guid member = server.Simulator.SupplierMember.Uuid;

        CliResult result = await CruxTool.RunAsync(server.Args("user", "show", member.ToString(), "-o", "json"), server.AdminToken);

        using JsonDocument json = JsonDocument.Parse(result.Out);
        Assert.Equal(member, json.RootElement.GetProperty("user").GetGuid());
        string[] assigned = [.. json.RootElement.GetProperty("permissions").EnumerateArray()
            .Where(p => p.GetProperty("assigned").GetBoolean()).Select(p => p.GetProperty("name").GetString()!)];
        Assert.Equal(CruxSimulator.MemberPermissions.Order(), assigned.Order());
    }

    [Fact]
    public async Task UserRemove_ByNameAndUuid_RemovedAndReported()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        Guid member = server.Simulator.SupplierMember.Uuid;
        string exportUuid = server.Simulator.PermissionUuid("export_order").ToString();

        CliResult result = await CruxTool.RunAsync(server.Args("user", "remove", member.ToString(), "cancel_order", exportUuid), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Removed: cancel_order, export_order", result.Out);
        Assert.Contains($"Environment: custom ({server.BaseAddress})", result.Error);
        Assert.Equal(["view_org_users", "view_order", "view_items"], server.Simulator.GetAssignedPermissionNames(member));
    }

    [Fact]
    public async Task UserAdd_Json_AddedAndReported()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        Guid member = server.Simulator.SupplierMember.Uuid;

        CliResult result = await CruxTool.RunAsync(server.Args("-o", "json", "user", "add", member.ToString(), "edit_items"), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        Assert.Equal("add", json.RootElement.GetProperty("operation").GetString());
        Assert.Equal("custom", json.RootElement.GetProperty("environment").GetString());
        Assert.Equal(["edit_items"], json.RootElement.GetProperty("added").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("edit_items", server.Simulator.GetAssignedPermissionNames(member));
    }

    [Fact]
    public async Task UserAdd_Human_AddedAndReported()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        Guid member = server.Simulator.SupplierMember.Uuid;

        CliResult result = await CruxTool.RunAsync(server.Args("user", "add", member.ToString(), "edit_items", "allocate_order"), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal($"User {member}\n  Added: edit_items, allocate_order\n", result.Out.Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.Contains("allocate_order", server.Simulator.GetAssignedPermissionNames(member));
    }

    [Fact]
    public async Task UserRemove_Json_RemovedAndReported()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        Guid member = server.Simulator.SupplierMember.Uuid;

        CliResult result = await CruxTool.RunAsync(server.Args("user", "remove", member.ToString(), "view_items", "-o", "json"), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        Assert.Equal(
            ["environment", "user", "operation", "dryRun", "removed", "added", "unchanged", "notHeld", "alreadyHeld"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("remove", json.RootElement.GetProperty("operation").GetString());
        Assert.Equal(["view_items"], json.RootElement.GetProperty("removed").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("view_items", server.Simulator.GetAssignedPermissionNames(member));
    }

    [Fact]
    public async Task UserSet_Human_ExactlyTheListRemovedBeforeAdded()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        Guid member = server.Simulator.SupplierMember.Uuid;

        CliResult result = await CruxTool.RunAsync(server.Args("user", "set", member.ToString(), "view_org_users", "edit_items"), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Removed: cancel_order, view_order, export_order, view_items", result.Out);
        Assert.Contains("Added: edit_items", result.Out);
        Assert.Contains("Kept: view_org_users", result.Out);
        Assert.Equal(["view_org_users", "edit_items"], server.Simulator.GetAssignedPermissionNames(member));
        string[] methods = [.. server.Simulator.Requests.Snapshot().Where(r => r.Path.Contains(member.ToString())).Select(r => r.Method)];
        Assert.Equal(["GET", "DELETE", "PATCH"], methods);
    }

    [Fact]
    public async Task UserSet_RoleAndJson_Set()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        string roles = folder.Write("roles.json", """{"viewer": ["view_org_users", "view_order"]}""");
        Guid member = server.Simulator.SupplierMember.Uuid;

        CliResult result = await CruxTool.RunAsync(server.Args("user", "set", member.ToString(), "--role", "Viewer", "--roles", roles, "-o", "json"), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        Assert.Equal("set", json.RootElement.GetProperty("operation").GetString());
        Assert.False(json.RootElement.GetProperty("dryRun").GetBoolean());
        Assert.Equal(["view_org_users", "view_order"], json.RootElement.GetProperty("unchanged").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["view_org_users", "view_order"], server.Simulator.GetAssignedPermissionNames(member));
    }

    [Fact]
    public async Task UserSet_DryRun_SaysWhatWouldChangeAndChangesNothing()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        Guid member = server.Simulator.SupplierMember.Uuid;

        CliResult result = await CruxTool.RunAsync(server.Args("user", "set", member.ToString(), "view_org_users", "--dry-run"), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("dry run: nothing changed", result.Out);
        Assert.Contains("Would remove: ", result.Out);
        Assert.Equal(CruxSimulator.MemberPermissions.Order(), server.Simulator.GetAssignedPermissionNames(member).Order());
        Assert.DoesNotContain(server.Simulator.Requests.Snapshot(), r => r.Method is "DELETE" or "PATCH");
    }

    [Fact]
    public async Task UserSet_PermissionTheOrganizationCannotHold_FailsNamingItAndChangesNothing()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        Guid member = server.Simulator.RetailerMember.Uuid;
        var token = new Dictionary<string, string?> { ["CRUX_API_TOKEN"] = server.Simulator.RetailerAdmin.Token };
        string supplierOnly = server.Simulator.PermissionUuid("edit_items").ToString();

        CliResult result = await CruxTool.RunAsync(server.Args("user", "set", member.ToString(), "view_org_users", supplierOnly), token);

        // A retailer's catalog does not list edit_items: the tool refuses it as unknown before sending anything.
        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(supplierOnly, result.Error);
        Assert.DoesNotContain(server.Simulator.Requests.Snapshot(), r => r.Method is "DELETE" or "PATCH");
    }

    [Fact]
    public async Task UserShow_Simulator_SeededMemberHasTheDocumentedUuid()
    {
        CliResult result = await CruxTool.RunAsync(["--simulator", "user", "show", SimulatorSeed.SupplierMember, "-o", "json"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(new SimulatorWorld().Simulator.SupplierMember.Uuid, Guid.Parse(SimulatorSeed.SupplierMember));
    }

    [Fact]
    public async Task SimulatorUsers_Human_TableOfUsers()
    {
        CliResult result = await CruxTool.RunAsync(["simulator", "users"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"│ {SimulatorSeed.SupplierMember} │ member@supplier.example", result.Out);
        Assert.Contains("user40@retailer.example", result.Out);
        Assert.Contains("acts as admin@supplier.example", result.Out);
    }

    [Fact]
    public async Task SimulatorUsers_Json_ListsSeededAndExtraUsers()
    {
        CliResult result = await CruxTool.RunAsync(["simulator", "users", "-o", "json"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        JsonElement[] users = [.. json.RootElement.GetProperty("users").EnumerateArray()];
        Assert.Equal(6 + (2 * SimulatorWorld.ExtraUsers), users.Length);
        JsonElement member = users.Single(u => u.GetProperty("username").GetString() == "member@supplier.example");
        Assert.Equal(SimulatorSeed.SupplierMember, member.GetProperty("uuid").GetString());
    }
}
