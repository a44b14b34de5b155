using Crux.Connect.Cli.Tests.Support;
using Crux.Connect.Testing;

namespace Crux.Connect.Cli.Tests.Administrators;

/// <summary>Issue 20 as people run it: <c>dotnet exec crux.dll</c> with COLUMNS=80, real streams.</summary>
public class AdministratorProcessTests
{
    [Fact]
    public async Task Process_FileWithEightMistakes_AllReportedExit2NothingSent()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        IReadOnlyList<SimulatedUser> users = server.Simulator.AddUsers(server.Simulator.Supplier, 2, [.. CruxSimulator.MemberPermissions]);
        string file = folder.Write("team.csv", MistakesTests.EightMistakes(users[0], users[1]));
        string roles = folder.Write("roles.json", TeamFile.Roles);

        CliResult result = await CruxTool.RunProcessAsync(server.Args("bulk", "apply", file, "--roles", roles, "--yes"), server.AdminToken);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.All(MistakesTests.EightExpected, e => Assert.Contains(e, result.Error));
        Assert.Equal(0, server.Simulator.RequestsReceived);
    }

    [Fact]
    public async Task Process_PlanReviewApplyWithAuditLogAt80Columns()
    {
        await using Team team = await Team.StartAsync(8);
        string plan = team.Folder.File("plan.json");
        string audit = team.Folder.File("audit.jsonl");
        var env = new Dictionary<string, string?>(team.Server.AdminToken) { ["COLUMNS"] = "80" };

        CliResult planned = await CruxTool.RunProcessAsync(team.Args("plan", "--out", plan), env);
        CliResult applied = await CruxTool.RunProcessAsync(team.Server.Args("bulk", "apply", "--plan", plan, "--audit-log", audit, "--yes"), env);

        Assert.Equal(ExitCodes.Success, planned.ExitCode);
        Assert.Equal(ExitCodes.Success, applied.ExitCode);
        Assert.All((planned.Out + applied.Out).Split('\n'), l => Assert.True(l.TrimEnd('\r').Length <= 80, l));
        Assert.Contains("8 users: 8 changed, 0 already as wanted", applied.Out);
        Assert.Equal(8, File.ReadAllLines(audit).Length);
        team.AssertDoneOrUntouched(new HashSet<Guid>());
    }
}
