using Crux.Connect.Cli.Tests.Support;
using Crux.Connect.Testing;

namespace Crux.Connect.Cli.Tests;

/// <summary>Missing and malformed files: a message with the file, line and column, exit code 2, and nothing changed
/// (nothing even sent, for a file that cannot be read).</summary>
public class InputFileTests
{
    private const string Member = "3c2ef0c2-d6dc-4925-84b4-a68021711ae6";

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "team.csv", "user,permissions\nnot-a-uuid,view_order\n", "team.csv line 2, column 1: 'not-a-uuid' is not a user uuid" },
        { "team.csv", $"user,permissions\n{Member},view_order,edit_items\n", "team.csv line 2, column 49: this line has 3 fields, the header 2" },
        { "team.csv", $"user,permissions\n{Member},\"view_order\n", "team.csv line 2, column 38: this quoted field is never closed" },
        { "team.csv", "name,permissions\nx,y\n", "team.csv line 1, column 1: the header must name a 'user' column" },
        { "team.csv", $"user,role\n{Member},\n", "team.csv line 2, column 1: this user has no permissions and no role" },
        { "team.csv", "", "team.csv line 1, column 1: the file is empty" },
        { "team.json", $"[{{\"user\": \"{Member}\", \"permissions\": [\"view_order\"]}},\n {{\"user\": \"x\"}}]", "team.json line 2, column 11: \"user\" must be the user's uuid" },
        { "team.json", $"[{{\"user\": \"{Member}\",\n  \"permissions\": [\"view_order\" \"edit_items\"]}}]", "team.json line 2, column 32: not valid JSON" },
        { "team.json", $"{{\"user\": \"{Member}\", \"permissions\": [\"view_order\"]}}\n{{\"permissions\": [\"view_order\"]}}\n", "team.json line 2, column 1: this user has no \"user\" uuid" },
        { "team.json", $"[{{\"user\": \"{Member}\", \"permissions\": 5}}]", "team.json line 1, column 66: \"permissions\" must be a list" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task BulkApply_MalformedFile_LineAndColumnNothingSent(string name, string content, string expected)
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        string file = folder.Write(name, content);

        CliResult result = await CruxTool.RunAsync(server.Args("bulk", "apply", file, "--yes"), server.AdminToken);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Equal(0, server.Simulator.RequestsReceived);
    }

    [Fact]
    public async Task BulkApply_UnknownNamesAndRoles_EveryProblemWithItsPlaceAndNothingChanged()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        Guid member = server.Simulator.SupplierMember.Uuid;
        Guid viewer = server.Simulator.SupplierViewer.Uuid;
        string file = folder.Write("team.csv", $"user,role,permissions\n{member},,view_order;vew_items\n{viewer},admin,\n{member},viewer,\n");
        string roles = folder.Write("roles.json", "{\n  \"viewer\": [\"view_org_users\", \"view_ordr\"]\n}");

        CliResult result = await CruxTool.RunAsync(server.Args("bulk", "apply", file, "--roles", roles, "--yes"), server.AdminToken);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("team.csv line 2, column 50: unknown permission 'vew_items'.", result.Error);
        Assert.Contains("team.csv line 3, column 38: unknown role 'admin'; roles.json defines viewer.", result.Error);
        Assert.Contains($"team.csv line 4, column 1: the user {member} is already listed on line 2.", result.Error);
        Assert.Contains("This environment's permissions are: ", result.Error);
        Assert.DoesNotContain(server.Simulator.Requests.Snapshot(), r => r.Method != "GET");
        Assert.Equal(CruxSimulator.MemberPermissions.Order(), server.Simulator.GetAssignedPermissionNames(member).Order());
    }

    [Fact]
    public async Task BulkApply_BadNameInTheRolesFile_ItsPlaceThere()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        string file = folder.Write("team.csv", $"user,role\n{server.Simulator.SupplierMember.Uuid},viewer\n");
        string roles = folder.Write("roles.json", "{\n  \"viewer\": [\"view_org_users\", \"view_ordr\"]\n}");

        CliResult result = await CruxTool.RunAsync(server.Args("bulk", "plan", file, "--roles", roles), server.AdminToken);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("roles.json line 2, column 32: unknown permission 'view_ordr'.", result.Error);
    }

    [Fact]
    public async Task BulkPlan_MalformedRolesFile_LineAndColumn()
    {
        using var folder = new TempFolder();
        string file = folder.Write("team.csv", $"user,role\n{Member},viewer\n");
        string roles = folder.Write("roles.json", "{\"viewer\": [\"view_org_users\"],\n \"viewer\": [\"view_order\"]}");

        CliResult result = await CruxTool.RunAsync(["--simulator", "bulk", "plan", file, "--roles", roles]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("roles.json line 2, column 2: the role 'viewer' is defined twice.", result.Error);
    }

    [Fact]
    public async Task BulkPlan_MissingFile_NamedAndNothingSent()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);

        CliResult result = await CruxTool.RunAsync(server.Args("bulk", "plan", "/tmp/crux-no-such-dir/team.csv"), server.AdminToken);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("The users file '/tmp/crux-no-such-dir/team.csv' does not exist.", result.Error);
        Assert.Equal(0, server.Simulator.RequestsReceived);
    }

    [Fact]
    public async Task BulkPlan_MissingRolesFile_Named()
    {
        using var folder = new TempFolder();
        string file = folder.Write("team.csv", $"user,role\n{Member},viewer\n");

        CliResult result = await CruxTool.RunAsync(["--simulator", "bulk", "plan", file, "--roles", folder.File("roles.json")]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("The roles file", result.Error);
        Assert.Contains("does not exist", result.Error);
    }
}
