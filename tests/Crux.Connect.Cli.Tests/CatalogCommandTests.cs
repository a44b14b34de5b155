using System.Text.Json;
using Crux.Connect.Cli.Tests.Support;

namespace Crux.Connect.Cli.Tests;

public class CatalogCommandTests
{
    [Fact]
    public async Task CatalogList_Human_TableOfEveryPermissionOfTheCallersOrganization()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);

        CliResult result = await CruxTool.RunAsync(server.Args("catalog", "list", "--wide"), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Permission", result.Out);
        Assert.Contains("edit_supplier_catalogs", result.Out);
        Assert.Contains(server.Simulator.PermissionUuid("edit_org_users").ToString("D"), result.Out);
        Assert.DoesNotContain("create_order", result.Out); // retailer-only: not in a supplier's catalog
        Assert.DoesNotContain("\u001b[", result.Out, StringComparison.Ordinal); // not a terminal: no colour codes
    }

    [Fact]
    public async Task CatalogList_Json_DocumentedShape()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);

        CliResult result = await CruxTool.RunAsync(server.Args("catalog", "list", "--output", "json"), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        JsonElement[] permissions = [.. json.RootElement.GetProperty("permissions").EnumerateArray()];
        Assert.Equal(18, permissions.Length);
        JsonElement edit = permissions.Single(p => p.GetProperty("name").GetString() == "edit_org_users");
        Assert.Equal(server.Simulator.PermissionUuid("edit_org_users"), edit.GetProperty("uuid").GetGuid());
        Assert.Equal(["uuid", "name", "displayName", "description", "visibility", "grouping"], edit.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task CatalogList_Simulator_NeedsNoCredentialsAndNoServer()
    {
        CliResult result = await CruxTool.RunAsync(["--simulator", "catalog", "list", "-o", "json"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        Assert.Equal(18, json.RootElement.GetProperty("permissions").GetArrayLength());
    }
}
