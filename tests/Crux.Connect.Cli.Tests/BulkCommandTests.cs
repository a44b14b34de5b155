using System.Net;
using System.Text.Json;
using Crux.Connect.Cli.Tests.Support;
using Crux.Connect.Testing;
using Spectre.Console.Testing;
using Xunit.Abstractions;

namespace Crux.Connect.Cli.Tests;

public class BulkCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task BulkPlan_Human_TablePerUserAndNothingChanged()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        IReadOnlyList<SimulatedUser> users = server.Simulator.AddUsers(server.Simulator.Supplier, 6, [.. CruxSimulator.MemberPermissions]);
        string file = folder.Write("team.csv", TeamFile.Csv(users));
        string roles = folder.Write("roles.json", TeamFile.Roles);

        CliResult result = await CruxTool.RunAsync(server.Args("bulk", "plan", file, "--roles", roles), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Environment: custom", result.Error);
        Assert.Contains("Nothing was changed (a plan only reads).", result.Out);
        Assert.Contains("cancel_order, export_order, view_items", result.Out); // what a viewer loses
        Assert.Equal(6, users.Count(u => result.Out.Contains(u.Uuid.ToString()[..8])));
        AssertNothingChanged(server);
        Assert.All(users, u => Assert.Equal(CruxSimulator.MemberPermissions.Order(), server.Simulator.GetAssignedPermissionNames(u.Uuid).Order()));
    }

    [Fact]
    public async Task BulkPlan_Json_EveryUserWithRemoveAndAdd()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        IReadOnlyList<SimulatedUser> users = server.Simulator.AddUsers(server.Simulator.Supplier, 4, [.. CruxSimulator.MemberPermissions]);
        string file = folder.Write("team.json", JsonSerializer.Serialize(users.Select(u => new { user = u.Uuid, permissions = TeamFile.Viewer })));

        CliResult result = await CruxTool.RunAsync(server.Args("bulk", "plan", file, "-o", "json"), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        JsonElement root = json.RootElement;
        Assert.Equal("plan", root.GetProperty("operation").GetString());
        Assert.Equal(file, root.GetProperty("file").GetString());
        Assert.Equal(4, root.GetProperty("summary").GetProperty("changed").GetInt32());
        JsonElement first = root.GetProperty("users")[0];
        Assert.Equal(
            ["user", "line", "status", "desired", "remove", "add", "unchanged", "drifted", "error", "label"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("changed", first.GetProperty("status").GetString());
        Assert.Equal(["cancel_order", "export_order", "view_items"], first.GetProperty("remove").EnumerateArray().Select(e => e.GetString()).Order());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("failedUsersFile").ValueKind);
    }

    [Fact]
    public async Task BulkApply_TwoThousandUsersWithTheRateLimitOn_EveryUserInItsDesiredState()
    {
        const int count = 2_000;
        var simulator = new CruxSimulator();
        IReadOnlyList<SimulatedUser> users = simulator.AddUsers(simulator.Supplier, count, [.. CruxSimulator.MemberPermissions]);
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(simulator, Door.Http);
        using var folder = new TempFolder();
        string file = folder.Write("team.csv", TeamFile.Csv(users));
        string roles = folder.Write("roles.json", TeamFile.Roles);
        var started = System.Diagnostics.Stopwatch.StartNew();

        // The limit is on for the whole run. It starts tight (100 requests a second), so that it bites whatever the
        // machine's speed, and once 100 users are planned it eases to a realistic 1,500 a second, to keep the test to seconds.
        simulator.Faults.RateLimit(100, TimeSpan.FromSeconds(1));
        void Ease(string phase, int done)
        {
            if (phase == "Planned" && done == 100)
            {
                simulator.Faults.RateLimit(1_500, TimeSpan.FromSeconds(1));
            }
        }

        CliResult apply = await CruxTool.RunAsync(
            server.Args("bulk", "apply", file, "--roles", roles, "--concurrency", "8", "--yes", "-o", "json"), server.AdminToken, onProgress: Ease);

        long served429 = simulator.ResponseCount(HttpStatusCode.TooManyRequests);
        output.WriteLine($"plan and apply of {count} users: {started.Elapsed.TotalSeconds:0.0} s, requests {simulator.RequestsReceived}, 429 answers {served429}");
        Assert.Equal(ExitCodes.Success, apply.ExitCode);
        using JsonDocument json = JsonDocument.Parse(apply.Out);
        JsonElement summary = json.RootElement.GetProperty("summary");
        Assert.Equal(count, summary.GetProperty("users").GetInt32());
        Assert.Equal(count, summary.GetProperty("changed").GetInt32());
        Assert.Equal(0, summary.GetProperty("failed").GetInt32());
        Assert.True(served429 > 0, "the rate limit should have bitten");
        Assert.Equal(served429, summary.GetProperty("rateLimitedResponses").GetInt64());
        JsonElement[] outcomes = [.. json.RootElement.GetProperty("users").EnumerateArray()];
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(users[i].Uuid, outcomes[i].GetProperty("user").GetGuid());
            Assert.Equal(TeamFile.Desired(i).Order(), simulator.GetAssignedPermissionNames(users[i].Uuid).Order());
        }

        Assert.False(File.Exists(folder.File("team.failed.csv")));
    }

    [Fact]
    public async Task BulkApply_SomeUsersFail_ExitOneAndTheFailedFileFeedsBackIn()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        IReadOnlyList<SimulatedUser> users = server.Simulator.AddUsers(server.Simulator.Supplier, 6, [.. CruxSimulator.MemberPermissions]);
        Guid stranger = server.Simulator.RetailerMember.Uuid; // another organization: 404 for this caller
        string file = folder.Write("team.csv", TeamFile.Csv(users) + $"{stranger},viewer,\n");
        string roles = folder.Write("roles.json", TeamFile.Roles);

        CliResult apply = await CruxTool.RunAsync(server.Args("bulk", "apply", file, "--roles", roles, "--yes"), server.AdminToken);

        Assert.Equal(ExitCodes.Failed, apply.ExitCode);
        Assert.Contains("FAILED", apply.Out);
        Assert.Contains("404", apply.Out);
        string failed = folder.File("team.failed.csv");
        Assert.Contains($"To finish: crux bulk apply {failed} --roles {roles}", apply.Error);
        string[] lines = File.ReadAllLines(failed);
        Assert.Equal("user,permissions,role,error", lines[0]);
        Assert.StartsWith($"{stranger},,viewer,", lines[1]);
        Assert.Equal(2, lines.Length);

        // Fed back in, the same user fails the same way: the file reads as it was written.
        CliResult again = await CruxTool.RunAsync(server.Args("bulk", "plan", failed, "--roles", roles, "-o", "json"), server.AdminToken);
        Assert.Equal(ExitCodes.Failed, again.ExitCode);
        using JsonDocument json = JsonDocument.Parse(again.Out);
        Assert.Equal(stranger, json.RootElement.GetProperty("users")[0].GetProperty("user").GetGuid());
    }

    [Fact]
    public async Task BulkApply_CtrlCInTheMiddle_InFlightFinishNothingNewStartsSummaryAndUsersLeftWritten()
    {
        const int count = 600;
        await using Team team = await Team.StartAsync(count);
        using var ctrlC = new CancellationTokenSource();

        CliResult result = await CruxTool.RunAsync(
            team.Args("apply", "--yes", "--concurrency", "4", "-o", "json"),
            team.Server.AdminToken,
            onProgress: (phase, done) =>
            {
                if (phase == "Applied" && done == 150)
                {
                    ctrlC.Cancel();
                }
            },
            stop: ctrlC.Token);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("Ctrl+C: no new user is started", result.Error);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        JsonElement root = json.RootElement;
        Assert.True(root.GetProperty("cancelled").GetBoolean());
        JsonElement summary = root.GetProperty("summary");
        int changed = summary.GetProperty("changed").GetInt32();
        int notStarted = summary.GetProperty("notStarted").GetInt32();
        Assert.Equal(0, summary.GetProperty("failed").GetInt32()); // what was in flight finished: nothing abandoned half-way
        Assert.InRange(changed, 150, 150 + 3); // the 150th, plus at most the other workers' users in flight then
        Assert.Equal(count, changed + notStarted);

        // Every user is either in the desired state (done) or untouched and listed in the file of users left.
        string failedFile = root.GetProperty("failedUsersFile").GetString()!;
        HashSet<Guid> left = Team.UsersIn(failedFile);
        Assert.Equal(notStarted, left.Count);
        Assert.All(File.ReadAllLines(failedFile).Skip(1), l => Assert.EndsWith("not started (cancelled)", l));
        team.AssertDoneOrUntouched(left);
    }

    [Fact]
    public async Task BulkApply_SecondCtrlC_InFlightAbandonedAndListedWithTheRest()
    {
        const int count = 200;
        await using Team team = await Team.StartAsync(count);
        using var ctrlC = new CancellationTokenSource();
        using var again = new CancellationTokenSource();

        CliResult result = await CruxTool.RunAsync(
            team.Args("apply", "--yes", "--concurrency", "4", "-o", "json"),
            team.Server.AdminToken,
            onProgress: (phase, done) =>
            {
                if (phase == "Planned" && done == count)
                {
                    // Slow answers from here on, so that calls are in flight when both Ctrl+C come.
                    team.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(30);
                }
                else if (phase == "Applied" && done == 50)
                {
                    ctrlC.Cancel();
                    again.Cancel();
                }
            },
            stop: ctrlC.Token,
            abort: again.Token);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Out);
        JsonElement summary = json.RootElement.GetProperty("summary");
        Assert.InRange(summary.GetProperty("failed").GetInt32(), 1, 3); // the ones in flight, abandoned
        JsonElement[] interrupted = [.. json.RootElement.GetProperty("users").EnumerateArray().Where(u => u.GetProperty("status").GetString() == "failed")];
        Assert.All(interrupted, u => Assert.Contains("second Ctrl+C", u.GetProperty("error").GetString()));
        HashSet<Guid> left = Team.UsersIn(json.RootElement.GetProperty("failedUsersFile").GetString()!);
        Assert.Equal(summary.GetProperty("failed").GetInt32() + summary.GetProperty("notStarted").GetInt32(), left.Count);

        // An abandoned user may be half-way (removed, not yet added): it is in the file, and running the file again finishes it.
        foreach ((SimulatedUser user, int i) in team.Users.Select((u, i) => (u, i)).Where(x => !left.Contains(x.u.Uuid)))
        {
            Assert.Equal(TeamFile.Desired(i).Order(), team.Simulator.GetAssignedPermissionNames(user.Uuid).Order());
        }
    }

    [Fact]
    public async Task BulkApply_NoTerminalAndNoYes_NothingChangedUsageError()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        string file = MemberFile(server, folder, "view_org_users");

        CliResult result = await CruxTool.RunAsync(server.Args("bulk", "apply", file), server.AdminToken);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("pass --yes", result.Error);
        AssertNothingChanged(server);
    }

    [Fact]
    public async Task BulkApply_ConfirmationDeclined_NothingChangedCancelled()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        string file = MemberFile(server, folder, "view_org_users");
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("n");

        CliResult result = await CruxTool.RunAsync(server.Args("bulk", "apply", file), server.AdminToken, prompt: console);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("Apply to 1 users (1 to change)", console.Output);
        AssertNothingChanged(server);
    }

    [Fact]
    public async Task BulkApply_ConfirmationAccepted_Applied()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        Guid member = server.Simulator.SupplierMember.Uuid;
        string file = MemberFile(server, folder, "view_org_users");
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter("y");

        CliResult result = await CruxTool.RunAsync(server.Args("bulk", "apply", file), server.AdminToken, prompt: console);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("changed", result.Out);
        Assert.Equal(["view_org_users"], server.Simulator.GetAssignedPermissionNames(member));
    }

    [Fact]
    public async Task BulkApply_EveryoneAlreadyAsDesired_NoQuestionNothingSentSuccess()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        string file = MemberFile(server, folder, string.Join(';', CruxSimulator.MemberPermissions));

        CliResult result = await CruxTool.RunAsync(server.Args("bulk", "apply", file), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("nothing to apply", result.Error);
        AssertNothingChanged(server);
    }

    [Fact]
    public async Task BulkApply_CtrlCWhileTheQuestionWaits_NothingChangedCancelled()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        string file = MemberFile(server, folder, "view_org_users");
        var console = new TestConsole().Interactive();
        using var ctrlC = new CancellationTokenSource();

        CliResult result = await CruxTool.RunAsync(
            server.Args("bulk", "apply", file), server.AdminToken, prompt: console, onProgress: (_, _) => ctrlC.Cancel(), stop: ctrlC.Token);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        AssertNothingChanged(server);
    }

    [Fact]
    public async Task BulkApply_FailedFileCannotBeWritten_SaidAndTheSummaryStillPrinted()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        string file = folder.Write("team.csv", $"user,permissions\n{server.Simulator.RetailerMember.Uuid},view_org_users\n");
        string nowhere = Path.Combine(folder.Path, "no-such-folder", "left.csv");

        CliResult result = await CruxTool.RunAsync(server.Args("bulk", "apply", file, "--yes", "--failed-file", nowhere), server.AdminToken);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains($"The failed-users file '{nowhere}' cannot be written", result.Error);
        Assert.Contains("1 user: 0 changed, 0 already as wanted, 1 failed", result.Out);
    }

    /// <summary>A bulk file of one line: member@supplier.example should hold exactly <paramref name="permissions"/>.</summary>
    private static string MemberFile(SimulatorHarness server, TempFolder folder, string permissions) =>
        folder.Write("team.csv", $"user,permissions\n{server.Simulator.SupplierMember.Uuid},{permissions}\n");

    private static void AssertNothingChanged(SimulatorHarness server) =>
        Assert.DoesNotContain(server.Simulator.Requests.Snapshot(), r => r.Method is "DELETE" or "PATCH");
}
