using System.Text;
using System.Text.Json;
using Crux.Connect.Cli.Tests.Support;
using Crux.Connect.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Cli.Tests.Administrators;

/// <summary>Issue 20, "Change management": a plan written, reviewed, then applied exactly (or refused), and an audit log.</summary>
public class ChangeManagementTests
{
    [Fact]
    public async Task PlanOut_ThenApplyPlan_AppliesExactlyThePlanAndLogsEveryChange()
    {
        await using Team team = await Team.StartAsync(6);
        string plan = team.Folder.File("plan.json");
        string audit = team.Folder.File("audit.jsonl");

        CliResult planned = await CruxTool.RunAsync(team.Args("plan", "--out", plan), team.Server.AdminToken);
        Assert.Equal(ExitCodes.Success, planned.ExitCode);
        Assert.All(team.Users, u => Assert.Equal(CruxSimulator.MemberPermissions.Order(), team.Simulator.GetAssignedPermissionNames(u.Uuid).Order()));

        CliResult applied = await CruxTool.RunAsync(team.Server.Args("bulk", "apply", "--plan", plan, "--audit-log", audit, "--yes"), team.Server.AdminToken);

        Assert.Equal(ExitCodes.Success, applied.ExitCode);
        Assert.Contains("digest checked", applied.Error);
        Assert.Contains("6 users: 6 changed, 0 already as wanted", applied.Out);
        team.AssertDoneOrUntouched(new HashSet<Guid>());
        string[] lines = File.ReadAllLines(audit);
        Assert.Equal(6, lines.Length);
        foreach (string line in lines)
        {
            using JsonDocument entry = JsonDocument.Parse(line);
            JsonElement e = entry.RootElement;
            Assert.Equal("changed", e.GetProperty("outcome").GetString());
            Assert.Equal("custom", e.GetProperty("environment").GetString());
            Assert.Contains(team.Users, u => u.Uuid == e.GetProperty("user").GetGuid());
            Assert.False(string.IsNullOrEmpty(e.GetProperty("requestIds").GetProperty("read").GetString()));
            Assert.Contains("cancel_order", e.GetProperty("removed").EnumerateArray().Select(x => x.GetString()));
            Assert.DoesNotContain(team.Simulator.SupplierAdmin.Token, line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\"line\": 2", "\"line\": 3")] // content
    [InlineData("edit_items", "edit_itemz")] // a name
    [InlineData("\"digest\": \"sha256:", "\"digest\": \"sha256:0")] // the digest
    [InlineData("\n  ", "\n ")] // one space of the plan's indentation
    public async Task ApplyPlan_ChangedAfterWriting_RefusedAndNothingChanged(string from, string to)
    {
        await using Team team = await Team.StartAsync(4);
        string plan = team.Folder.File("plan.json");
        await CruxTool.RunAsync(team.Args("plan", "--out", plan), team.Server.AdminToken);
        string text = File.ReadAllText(plan);
        int at = text.LastIndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not in the plan");
        File.WriteAllText(plan, text[..at] + to + text[(at + from.Length)..]);

        CliResult result = await CruxTool.RunAsync(team.Server.Args("bulk", "apply", "--plan", plan, "--yes"), team.Server.AdminToken);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("was changed after it was written", result.Error);
        team.AssertDoneOrUntouched(team.Users.Select(u => u.Uuid).ToHashSet());
    }

    [Fact]
    public async Task ApplyPlan_OneByteAltered_Refused()
    {
        await using Team team = await Team.StartAsync(3);
        string plan = team.Folder.File("plan.json");
        await CruxTool.RunAsync(team.Args("plan", "--out", plan), team.Server.AdminToken);
        byte[] bytes = File.ReadAllBytes(plan);
        int at = Encoding.UTF8.GetString(bytes).IndexOf("\"createdAt\"", StringComparison.Ordinal) + 20;
        bytes[at] = (byte)(bytes[at] == (byte)'1' ? '2' : '1');
        File.WriteAllBytes(plan, bytes);

        CliResult result = await CruxTool.RunProcessAsync(team.Server.Args("bulk", "apply", "--plan", plan, "--yes"), team.Server.AdminToken);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("was changed after it was written", result.Error);
        team.AssertDoneOrUntouched(team.Users.Select(u => u.Uuid).ToHashSet());
    }

    [Fact]
    public async Task ApplyPlan_AnotherEnvironment_Refused()
    {
        await using Team team = await Team.StartAsync(2);
        await using SimulatorHarness other = await SimulatorHarness.StartAsync(Door.Http);
        string plan = team.Folder.File("plan.json");
        await CruxTool.RunAsync(team.Args("plan", "--out", plan), team.Server.AdminToken);

        CliResult elsewhere = await CruxTool.RunAsync(other.Args("bulk", "apply", "--plan", plan, "--yes"), other.AdminToken);
        CliResult simulator = await CruxTool.RunAsync(["--simulator", "bulk", "apply", "--plan", plan, "--yes"]);

        Assert.Equal(ExitCodes.Usage, elsewhere.ExitCode);
        Assert.Contains($"was made for custom ({team.Server.BaseAddress}), not for custom ({other.BaseAddress})", elsewhere.Error);
        Assert.Equal(0, other.Simulator.RequestsReceived);
        Assert.Equal(ExitCodes.Usage, simulator.ExitCode);
        Assert.Contains("was made for custom", simulator.Error);
    }

    [Fact]
    public async Task ApplyPlan_OlderThanTheMaximum_RefusedUnlessAllowed()
    {
        await using Team team = await Team.StartAsync(2);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        string plan = team.Folder.File("plan.json");
        await CruxTool.RunAsync(team.Args("plan", "--out", plan), team.Server.AdminToken, time: time);
        time.Advance(TimeSpan.FromHours(25));

        CliResult old = await CruxTool.RunAsync(team.Server.Args("bulk", "apply", "--plan", plan, "--yes"), team.Server.AdminToken, time: time);
        CliResult allowed = await CruxTool.RunAsync(team.Server.Args("bulk", "apply", "--plan", plan, "--yes", "--max-age", "2d"), team.Server.AdminToken, time: time);

        Assert.Equal(ExitCodes.Usage, old.ExitCode);
        Assert.Contains("was made 25 h ago", old.Error);
        Assert.Contains("--max-age", old.Error);
        Assert.Equal(ExitCodes.Success, allowed.ExitCode);
        team.AssertDoneOrUntouched(new HashSet<Guid>());
    }

    [Fact]
    public async Task ApplyPlan_UserChangedSinceThePlan_DriftReportedPerUser()
    {
        await using Team team = await Team.StartAsync(4);
        string plan = team.Folder.File("plan.json");
        await CruxTool.RunAsync(team.Args("plan", "--out", plan), team.Server.AdminToken);
        team.Simulator.Assign(team.Users[2].Uuid, "edit_supplier_catalogs");
        string audit = team.Folder.File("audit.jsonl");

        CliResult result = await CruxTool.RunAsync(team.Server.Args("bulk", "apply", "--plan", plan, "--yes", "--audit-log", audit), team.Server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("(changed since the plan)", result.Out);
        Assert.Contains(team.Users[2].Uuid.ToString()[..8], result.Out);
        Assert.Contains("1 changed since the plan", result.Out);
        team.AssertDoneOrUntouched(new HashSet<Guid>());
        Assert.Contains(File.ReadAllLines(audit), l => l.Contains(team.Users[2].Uuid.ToString(), StringComparison.Ordinal) && l.Contains("\"drifted\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UsersLeftFile_NamedAsDocumentedAndRemovedOnceEveryUserIsDone()
    {
        await using Team team = await Team.StartAsync(4);
        CliResult first = await CruxTool.RunAsync(
            team.Args("apply", "--yes", "--concurrency", "1"),
            team.Server.AdminToken,
            onProgress: (verb, done) =>
            {
                if (verb == "Planned" && done == team.Users.Count)
                {
                    team.Simulator.Faults.FailNext(2, System.Net.HttpStatusCode.BadRequest); // the first two users of the apply
                }
            });
        string left = team.Folder.File("team.failed.csv");
        Assert.Equal(ExitCodes.Failed, first.ExitCode);
        Assert.True(File.Exists(left));

        CliResult second = await CruxTool.RunAsync(team.Server.Args("bulk", "apply", left, "--roles", team.Roles, "--yes"), team.Server.AdminToken);

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.False(File.Exists(left), "the users-left file outlived the run that finished every user");
        Assert.False(File.Exists(team.Folder.File("team.failed.failed.csv")));
        team.AssertDoneOrUntouched(new HashSet<Guid>());
    }
}
