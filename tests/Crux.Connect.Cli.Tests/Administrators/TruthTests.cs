using System.Text.Json;
using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Commands.Bulk;
using Crux.Connect.Cli.Input;
using Crux.Connect.Cli.Output;
using Crux.Connect.Cli.Permissions;
using Crux.Connect.Cli.Tests.Support;
using Crux.Connect.Testing;
using Spectre.Console.Testing;

namespace Crux.Connect.Cli.Tests.Administrators;

/// <summary>Issue 21, "The tool tells the truth": what it says it changed is what the server changed; uuids are uuids;
/// nothing from outside reaches the terminal raw; the catalog is read once.</summary>
public class TruthTests
{
    [Fact]
    public async Task UserRemove_HeldAndNotHeld_RemovedOnlyWhatWasHeld()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        Guid member = server.Simulator.SupplierMember.Uuid;

        CliResult human = await CruxTool.RunAsync(server.Args("user", "remove", member.ToString(), "export_order", "edit_items"), server.AdminToken);
        CliResult json = await CruxTool.RunAsync(server.Args("user", "remove", member.ToString(), "export_order", "view_order", "--output", "json"), server.AdminToken);

        Assert.Equal(ExitCodes.Success, human.ExitCode);
        Assert.Contains("  Removed: export_order", human.Out);
        Assert.DoesNotContain("Removed: export_order, edit_items", human.Out);
        Assert.Contains("  Not held (nothing to remove): edit_items", human.Out);
        JsonElement doc = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(["view_order"], doc.GetProperty("removed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["export_order"], doc.GetProperty("notHeld").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(doc.GetProperty("alreadyHeld").EnumerateArray());
        Assert.Equal(["view_org_users", "cancel_order", "view_items"], server.Simulator.GetAssignedPermissionNames(member));
    }

    [Fact]
    public async Task UserAdd_HeldAndNotHeld_AddedOnlyWhatWasMissing()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        Guid member = server.Simulator.SupplierMember.Uuid;

        CliResult json = await CruxTool.RunAsync(server.Args("user", "add", member.ToString(), "view_order", "edit_items", "--output", "json"), server.AdminToken);
        CliResult again = await CruxTool.RunAsync(server.Args("user", "add", member.ToString(), "edit_items"), server.AdminToken);

        JsonElement doc = JsonDocument.Parse(json.Out).RootElement;
        Assert.Equal(["edit_items"], doc.GetProperty("added").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["view_order"], doc.GetProperty("alreadyHeld").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("Added", again.Out);
        Assert.Contains("  Already held (nothing to add): edit_items", again.Out);
        Assert.Contains("edit_items", server.Simulator.GetAssignedPermissionNames(member));
        Assert.Equal(1, server.Simulator.Requests.Count(r => r.Method != "GET")); // the second add sent nothing
    }

    [Fact]
    public void CatalogIndex_AWordThatParsesAsAUuid_IsAUuidNeverAName()
    {
        var real = new Permission(Guid.NewGuid(), "view_order", null, null, "BOTH", null);
        var impostor = new Permission(Guid.NewGuid(), real.Uuid.ToString("D"), null, null, "BOTH", null);
        var lonely = new Permission(Guid.NewGuid(), "0f0f0f0f-0000-4000-8000-000000000001", null, null, "BOTH", null);
        var catalog = new CatalogIndex([impostor, real, lonely]);

        Permission? byUuid = catalog.Find(real.Uuid.ToString("D").ToUpperInvariant(), out _);
        Permission? ambiguous = catalog.Find(lonely.Name, out string? why);

        Assert.Same(real, byUuid);
        Assert.Null(ambiguous);
        Assert.Contains("ambiguous", why);
        Assert.Same(impostor, catalog.Find(impostor.Uuid.ToString("B"), out _));
    }

    public static TheoryData<string> Hostile =>
    [
        "evil\u001b]52;c;cm0gLXJmIH4=\u0007name", // OSC 52: write the clipboard
        "evil\u001b[2J\u001b[Hname", // clear the screen
        "evil\r\nerror: forged line", // a line that is not the tool's
        "evil\u009b31mname", // the 8-bit CSI
        "evil\u202ename", // right-to-left override
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Tables_ServerTextWithControlCharacters_Escaped(string hostile)
    {
        var permission = new Permission(Guid.NewGuid(), hostile, hostile, hostile, hostile, hostile);
        var console = new TestConsole();
        console.Profile.Width = 200;

        console.Write(Tables.Catalog([permission], wide: true));
        console.Write(Tables.Assignments([new PermissionAssignment(true, permission)], wide: false));
        var row = new UserRow(Guid.NewGuid(), new SourcePosition(2, 1), [], null, hostile);
        var change = new PermissionChange(row.User, [permission], [permission], []);
        console.Write(Tables.Users([new UserOutcome(new DesiredUser(row, []), UserStatus.Changed, change, null), new UserOutcome(new DesiredUser(row with { User = Guid.NewGuid() }, []), UserStatus.Failed, null, new InvalidOperationException(hostile))], applied: true, wide: false));

        string output = console.Output;
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u0007', output);
        Assert.DoesNotContain('\u009b', output);
        Assert.DoesNotContain('\u202e', output);
        Assert.DoesNotContain('\r', output);
        Assert.DoesNotContain("\nerror: forged", output);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Errors_FileTextWithControlCharacters_EscapedOnStandardErrorAndJsonStaysValid(string hostile)
    {
        using var folder = new TempFolder();
        string file = folder.Write("team.json", JsonSerializer.Serialize(new[] { new { user = "3c2ef0c2-d6dc-4925-84b4-a68021711ae6", permissions = new[] { hostile } } }));

        CliResult human = await CruxTool.RunAsync(["--simulator", "bulk", "plan", file]);
        CliResult json = await CruxTool.RunAsync(["--simulator", "bulk", "plan", file, "--output", "json"]);

        Assert.Equal(ExitCodes.Usage, human.ExitCode);
        Assert.DoesNotContain('\u001b', human.Error);
        Assert.DoesNotContain('\u009b', human.Error);
        Assert.DoesNotContain('\r', human.Error);
        Assert.DoesNotContain("\nerror: forged", human.Error);
        Assert.Contains("evil\\u", human.Error);
        using JsonDocument document = JsonDocument.Parse(json.Out);
        Assert.Contains("unknown permission", document.RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.DoesNotContain('\u001b', json.Out);
    }

    [Theory]
    [InlineData("set", "view_org_users", "edit_items")]
    [InlineData("set", "--dry-run", "view_order")]
    [InlineData("add", "edit_items")]
    [InlineData("remove", "view_order")]
    public async Task UserCommands_ReadTheCatalogOnce(params string[] command)
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);

        CliResult result = await CruxTool.RunAsync(server.Args(["user", command[0], server.Simulator.SupplierMember.Uuid.ToString(), .. command[1..]]), server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(1, server.Simulator.Requests.Count(r => r.Path.EndsWith("all_permissions/", StringComparison.Ordinal)));
    }
}
