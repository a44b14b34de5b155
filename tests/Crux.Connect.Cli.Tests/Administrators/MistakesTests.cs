using System.Text;
using System.Text.Json;
using Crux.Connect.Cli.Tests.Support;
using Crux.Connect.Testing;

namespace Crux.Connect.Cli.Tests.Administrators;

/// <summary>Issue 20, "Mistakes": a file read whole with every problem at once, "did you mean", ambiguous files refused,
/// messages in the administrator's words. Each pins a behaviour the tool lacked.</summary>
public class MistakesTests
{
    private const string Member = "3c2ef0c2-d6dc-4925-84b4-a68021711ae6";

    /// <summary>Eight different mistakes, one per line (a bad quote, a bad uuid, an empty uuid, too many fields, no
    /// permission and no role, an unknown role, a misspelt permission, a user listed twice).</summary>
    public static string EightMistakes(SimulatedUser a, SimulatedUser b) =>
        "user,permissions,role\n"
        + $"{a.Uuid},\"view_order\"x,\n"
        + "not-a-uuid,view_order,\n"
        + "00000000-0000-0000-0000-000000000000,view_order,\n"
        + $"{b.Uuid},view_order,viewer,extra\n"
        + $"{b.Uuid},,\n"
        + $"{a.Uuid},,viewr\n"
        + $"{b.Uuid},export_ordr,\n"
        + $"{b.Uuid},view_order,\n";

    public static readonly string[] EightExpected =
    [
        "team.csv line 2, column 50: expected ',' or the end of the line after a closing quote.",
        "team.csv line 3, column 1: 'not-a-uuid' is not a user uuid.",
        "team.csv line 4, column 1: '00000000-0000-0000-0000-000000000000' is not a user uuid.",
        "team.csv line 5, column 56: this line has 4 fields, the header 3.",
        "team.csv line 6, column 1: this user has no permissions and no role.",
        "team.csv line 7, column 39: unknown role 'viewr'; roles.json defines viewer, buyer. Did you mean 'viewer'?",
        "team.csv line 8, column 38: unknown permission 'export_ordr'. Did you mean 'export_order'?",
        "team.csv line 9, column 1: the user",
    ];

    [Fact]
    public async Task BulkPlan_FileWithEightMistakes_EveryOneReportedInOneRunAndNothingSent()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        IReadOnlyList<SimulatedUser> users = server.Simulator.AddUsers(server.Simulator.Supplier, 2, [.. CruxSimulator.MemberPermissions]);
        string file = folder.Write("team.csv", EightMistakes(users[0], users[1]));
        string roles = folder.Write("roles.json", TeamFile.Roles);

        CliResult result = await CruxTool.RunAsync(server.Args("bulk", "plan", file, "--roles", roles), server.AdminToken);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("the input has 8 problems", result.Error);
        Assert.All(EightExpected, e => Assert.Contains(e, result.Error));
        Assert.Equal(0, server.Simulator.RequestsReceived);
    }

    [Theory]
    [InlineData("{\"user\": \"" + Member + "\", \"permissions\": [\"view_order\"], \"user\": \"2e381876-df4e-4ad4-9db0-0191e0ffd252\"}", "team.json line 1, column 81: \"user\" is given twice")]
    [InlineData("[{\"user\": \"" + Member + "\", \"User\": \"" + Member + "\", \"permissions\": [\"view_order\"]}]", "team.json line 1, column 51: \"User\" is given twice")]
    [InlineData("[{\"user\": \"" + Member + "\", \"permissions\": [\"view_order\"], \"PERMISSIONS\": [\"edit_items\"]}]", "\"PERMISSIONS\" is given twice")]
    public async Task BulkPlan_JsonWithAKeyTwice_RefusedAsAmbiguous(string content, string expected)
    {
        using var folder = new TempFolder();
        string file = folder.Write("team.json", content);

        CliResult result = await CruxTool.RunAsync(["--simulator", "bulk", "plan", file]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(expected, result.Error);
    }

    [Theory]
    [InlineData("user,permissions,permissions\n" + Member + ",view_order,edit_items\n", "team.csv line 1, column 18: the header has two 'permissions' columns")]
    [InlineData("user,Permission,permissions\n" + Member + ",view_order,edit_items\n", "team.csv line 1, column 17: the header has two 'permissions' columns")]
    [InlineData("uuid,user,permissions\n" + Member + "," + Member + ",view_order\n", "team.csv line 1, column 6: the header has two 'user' columns")]
    public async Task BulkPlan_CsvWithTwoColumnsForOneThing_RefusedAsAmbiguous(string content, string expected)
    {
        using var folder = new TempFolder();
        string file = folder.Write("team.csv", content);

        CliResult result = await CruxTool.RunAsync(["--simulator", "bulk", "plan", file]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(expected, result.Error);
    }

    [Theory]
    [InlineData("team.csv", "user,permissions\n" + Member + ",view_", "team.csv line 2, column 43: the file is not valid UTF-8 (byte 0xE9)")]
    [InlineData("team.json", "[\n {\"user\": \"" + Member + "\",\n  \"permissions\": [\"view_", "team.json line 3, column 25: the file is not valid UTF-8 (byte 0xE9)")]
    [InlineData("roles.json", "{\"viewer\": [\"view_", "roles.json line 1, column 19: the file is not valid UTF-8")]
    public async Task BulkPlan_InvalidUtf8_UsageErrorWithLineAndColumn(string name, string before, string expected)
    {
        using var folder = new TempFolder();
        byte[] latin1 = [.. Encoding.UTF8.GetBytes(before), 0xE9, .. Encoding.UTF8.GetBytes("order\"]}]\n")];
        string file = Path.Combine(folder.Path, name);
        File.WriteAllBytes(file, latin1);
        string[] args = name == "roles.json"
            ? ["--simulator", "bulk", "plan", folder.Write("team.csv", $"user,role\n{Member},viewer\n"), "--roles", file]
            : ["--simulator", "bulk", "plan", file];

        CliResult result = await CruxTool.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.DoesNotContain("InvalidOperationException", result.Error);
    }

    [Fact]
    public async Task BulkPlan_SemicolonSeparatedCsv_ReadAsExcelWritesIt()
    {
        using var folder = new TempFolder();
        string file = folder.Write("team.csv", $"email;user;permissions\nmember@supplier.example;{Member};view_org_users, view_order\n");

        CliResult result = await CruxTool.RunAsync(["--simulator", "bulk", "plan", file, "--output", "json"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        JsonElement user = json.RootElement.GetProperty("users")[0];
        Assert.Equal(["view_org_users", "view_order"], user.GetProperty("desired").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("member@supplier.example", user.GetProperty("label").GetString());
    }

    [Fact]
    public async Task BulkPlan_HugeField_CutInTheMessage()
    {
        using var folder = new TempFolder();
        string huge = new('x', 100_000);
        string file = folder.Write("team.csv", $"user,permissions\n{huge},view_order\n{Member},{huge}\n");

        CliResult result = await CruxTool.RunAsync(["--simulator", "bulk", "plan", file]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("more characters)", result.Error);
        Assert.True(result.Error.Length < 3_000, $"{result.Error.Length} characters of error");
    }

    [Theory]
    [InlineData(new[] { "usr" }, "'usr': Did you mean 'user'?")]
    [InlineData(new[] { "--simulator", "user", "shwo", Member }, "'shwo': Did you mean 'show'?")]
    [InlineData(new[] { "--simulator", "bulk", "aply", "team.csv" }, "'aply': Did you mean 'apply'?")]
    [InlineData(new[] { "catalgo", "list" }, "'catalgo': Did you mean 'catalog'?")]
    public async Task Parse_MistypedCommand_DidYouMean(string[] args, string expected)
    {
        CliResult result = await CruxTool.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(expected, result.Error);
    }

    [Theory]
    [InlineData("export_ordr", "Did you mean 'export_order'?")]
    [InlineData("view_oder", "Did you mean 'view_order'?")]
    [InlineData("EDIT_ITEMS", "Did you mean 'edit_items'?")]
    [InlineData("cancelorder", "Did you mean 'cancel_order'?")]
    public async Task UserAdd_MistypedPermission_DidYouMeanAndNothingChanged(string typed, string expected)
    {
        CliResult result = await CruxTool.RunAsync(["--simulator", "user", "add", Member, typed]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"Unknown permission '{typed}'. {expected}", result.Error);
    }

    [Fact]
    public async Task UserSet_MistypedRole_DidYouMean()
    {
        using var folder = new TempFolder();
        string roles = folder.Write("roles.json", TeamFile.Roles);

        CliResult result = await CruxTool.RunAsync(["--simulator", "user", "set", Member, "--role", "buyr", "--roles", roles]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("unknown role 'buyr'; roles.json defines viewer, buyer. Did you mean 'buyer'?", result.Error);
    }

    [Theory]
    [InlineData("create_order")]
    [InlineData("view_inventory_lists")]
    [InlineData("edit_inventory_lists")]
    public async Task UserAdd_RetailerOnlyPermissionForASupplier_SaysNotAvailableNotUnknown(string name)
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);

        CliResult result = await CruxTool.RunAsync(server.Args("user", "add", Member, name), server.AdminToken);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains($"'{name}' is not available to a supplier organization", result.Error);
        Assert.DoesNotContain("nknown", result.Error);
        Assert.Equal(0, server.Simulator.Requests.Count(r => r.Method != "GET"));
    }

    [Fact]
    public async Task BadToken_MessageSaysTheVariableNotTheProperty()
    {
        CliResult result = await CruxTool.RunAsync(["--simulator", "catalog", "list"], new Dictionary<string, string?> { ["CRUX_API_TOKEN"] = "two words" });

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("CRUX_API_TOKEN", result.Error);
        Assert.DoesNotContain("ApiToken", result.Error);
        Assert.DoesNotContain("(Parameter", result.Error);
    }

    [Fact]
    public async Task NotFound_NoStammerAndJsonWithoutEscapedApostrophes()
    {
        CliResult human = await CruxTool.RunAsync(["--simulator", "user", "show", "00000000-0000-0000-0000-000000000001"]);
        CliResult json = await CruxTool.RunAsync(["--simulator", "user", "add", Member, "nope's", "--output", "json"]);

        Assert.Equal(ExitCodes.Failed, human.ExitCode);
        Assert.DoesNotContain("Not found: Not found", human.Error);
        Assert.Contains("no such user in your organization", human.Error);
        Assert.DoesNotContain("\\u0027", json.Out);
        Assert.Contains("'nope's'", JsonDocument.Parse(json.Out).RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task UnknownPermission_GrammarOfTheListOfValidNames()
    {
        CliResult result = await CruxTool.RunAsync(["--simulator", "user", "add", Member, "no_such_permission"]);

        Assert.DoesNotContain("This environment's are", result.Error);
        Assert.Contains("This environment's permissions are: view_org_users,", result.Error);
    }
}
