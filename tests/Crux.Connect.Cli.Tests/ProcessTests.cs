using System.Diagnostics;
using System.Text.Json;
using Crux.Connect.Cli.Tests.Support;
using Crux.Connect.Testing;

namespace Crux.Connect.Cli.Tests;

/// <summary>The tool as people run it: <c>dotnet exec crux.dll</c>, real streams (redirected), real signals.</summary>
public class ProcessTests
{
    [Fact]
    public async Task Process_SimulatorCatalogJson_ParseableStandardOutput()
    {
        CliResult result = await CruxTool.RunProcessAsync(["--simulator", "catalog", "list", "--output", "json"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        Assert.Equal(18, json.RootElement.GetProperty("permissions").GetArrayLength());
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Process_UserSetOverLoopback_HumanOutputAndState()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        Guid member = server.Simulator.SupplierMember.Uuid;

        CliResult result = await CruxTool.RunProcessAsync(server.Args("user", "set", member.ToString(), "view_org_users", "edit_items"), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Added: edit_items", result.Out);
        Assert.Contains($"Environment: custom ({server.BaseAddress})", result.Error);
        Assert.Equal(["view_org_users", "edit_items"], server.Simulator.GetAssignedPermissionNames(member));
    }

    [Theory]
    [InlineData(new[] { "--simulator", "user", "show", "nope" }, ExitCodes.Usage)]
    [InlineData(new[] { "--simulator", "user", "show", "00000000-0000-0000-0000-000000000001" }, ExitCodes.Failed)]
    [InlineData(new[] { "--simulator", "-u", "admin@supplier.example", "--password-stdin", "catalog", "list" }, ExitCodes.Authentication)]
    [InlineData(new[] { "--simulator", "catalog", "list" }, ExitCodes.Success)]
    [InlineData(new[] { "--version" }, ExitCodes.Success)]
    public async Task Process_ExitCodes(string[] args, int expected)
    {
        CliResult result = await CruxTool.RunProcessAsync(args, stdin: "wrong password\n");

        Assert.Equal(expected, result.ExitCode);
    }

    [Fact]
    public async Task Process_BulkPlanAndApply_TablesOnStandardOutputProgressOnStandardError()
    {
        await using Team team = await Team.StartAsync(30);

        CliResult plan = await CruxTool.RunProcessAsync(team.Args("plan"), team.Server.AdminToken);
        CliResult apply = await CruxTool.RunProcessAsync(team.Args("apply", "--yes"), team.Server.AdminToken);

        Assert.Equal(ExitCodes.Success, plan.ExitCode);
        Assert.Contains("Nothing was changed (a plan only reads).", plan.Out);
        Assert.Contains("Planned 30/30, 0 failed", plan.Error);
        Assert.Equal(ExitCodes.Success, apply.ExitCode);
        Assert.Contains("Applied 30/30, 0 failed", apply.Error);
        Assert.Contains("30 users: 30 changed, 0 already as wanted", apply.Out);
        team.AssertDoneOrUntouched(new HashSet<Guid>());
    }

    [Fact]
    public async Task Process_SigIntDuringApply_InFlightFinishSummaryUsersLeftAndExit130()
    {
        if (!PosixSignals.Supported || PosixSignals.IgnoredHere(PosixSignals.SigInt))
        {
            return; // SIGINT is sent with kill(2); Windows' Ctrl+C events need a console of their own; an ignored SIGINT never arrives.
        }

        const int count = 400;
        await using Team team = await Team.StartAsync(count);
        int signalled = 0;

        CliResult result = await CruxTool.RunProcessAsync(
            team.Args("apply", "--yes", "--concurrency", "2"),
            team.Server.AdminToken,
            onErrorLine: (process, line) =>
            {
                // The plan runs at full speed; once the apply starts, each answer takes 50 ms, so Ctrl+C lands in the middle.
                if (line.StartsWith("Applying to", StringComparison.Ordinal) && Interlocked.Exchange(ref signalled, 1) == 0)
                {
                    team.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(50);
                    PosixSignals.Send(process.Id, PosixSignals.SigInt);
                }
            });

        Assert.Equal(1, signalled);
        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("Ctrl+C: no new user is started; the ones in flight finish.", result.Error);
        Assert.Contains("not started", result.Out); // the summary
        string failed = team.Folder.File("team.failed.csv");
        Assert.Contains($"written to {failed}", result.Error);
        HashSet<Guid> left = Team.UsersIn(failed);
        Assert.InRange(left.Count, count - 10, count); // at most the few in flight (or about to start) when the signal came were done
        team.AssertDoneOrUntouched(left);
    }
}
