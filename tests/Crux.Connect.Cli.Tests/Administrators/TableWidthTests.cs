using System.Text.RegularExpressions;
using Crux.Connect.Cli.Tests.Support;
using Crux.Connect.Testing;

namespace Crux.Connect.Cli.Tests.Administrators;

/// <summary>Issue 20, "Reading": every table fits an 80-column terminal (COLUMNS=80), and no uuid, permission name or
/// e-mail is split across lines.</summary>
public partial class TableWidthTests
{
    private static readonly Dictionary<string, string?> At80 = new() { ["COLUMNS"] = "80" };

    public static TheoryData<string> Tables => ["catalog", "user show", "simulator users", "bulk plan", "bulk plan big", "bulk apply", "bulk apply failures"];

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task Table_At80Columns_FitsAndSplitsNoWord(string which)
    {
        await using Team team = await Team.StartAsync(which.EndsWith("big", StringComparison.Ordinal) ? 40 : 6);
        using var folder = new TempFolder();
        string labelled = folder.Write("team.csv", LabelledCsv(team.Users, team.Simulator));
        Dictionary<string, string?> env = new(At80) { ["CRUX_API_TOKEN"] = team.Simulator.SupplierAdmin.Token };
        string[] args = which switch
        {
            "catalog" => ["catalog", "list"],
            "user show" => ["user", "show", team.Simulator.SupplierMember.Uuid.ToString()],
            "simulator users" => ["simulator", "users"],
            "bulk apply" => ["bulk", "apply", labelled, "--roles", team.Roles, "--yes"],
            "bulk apply failures" => ["bulk", "apply", folder.Write("fail.csv", $"user,email,permissions\n{team.Simulator.RetailerMember.Uuid},someone.with.a.long.name@retailer.example,view_order\n{team.Users[0].Uuid},a@b.example,view_order\n"), "--yes"],
            _ => ["bulk", "plan", labelled, "--roles", team.Roles],
        };

        CliResult result = which == "simulator users"
            ? await CruxTool.RunAsync(args, At80)
            : await CruxTool.RunAsync(team.Server.Args(args), env);

        Assert.True(result.ExitCode is ExitCodes.Success or ExitCodes.Failed, result.Error);
        string[] lines = result.Out.Split('\n');
        Assert.All(lines, l => Assert.True(l.TrimEnd('\r').Length <= 80, $"{l.Length} columns: {l}"));
        Assert.Contains("│", result.Out);

        // Every word a table shows is whole on one line: a uuid (or its short prefix), a permission name, an e-mail.
        IEnumerable<string> words = team.Simulator.Catalog.Select(p => p.Name)
            .Concat(team.Users.Select(u => u.Username))
            .Concat(team.Users.Select(u => u.Uuid.ToString("D")[..8]))
            .Concat(["someone.with.a.long.name@retailer.example"]);
        string text = result.Out;
        foreach (string word in words.Where(w => Fragment(text, w)))
        {
            Assert.Fail($"'{word}' is split across lines:\n{text}");
        }

        // A uuid shown whole is whole on its line (copyable); a short one is a unique prefix.
        Assert.DoesNotMatch(UuidCutAtLineEnd(), text);
    }

    [Fact]
    public async Task BulkApply_BigPlan_SummarisedBeforeThePrompt()
    {
        await using Team team = await Team.StartAsync(300);

        CliResult result = await CruxTool.RunAsync(team.Args("apply", "--yes"), new Dictionary<string, string?>(At80) { ["CRUX_API_TOKEN"] = team.Simulator.SupplierAdmin.Token });

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        string plan = result.Out[..result.Out.IndexOf("300 users: 300 changed", StringComparison.Ordinal)];
        Assert.True(plan.Split('\n').Length < 60, $"{plan.Split('\n').Length} lines before the summary");
        Assert.Contains("The first 10 of 300 users to change", plan);
        Assert.Contains("--show-all", plan);
        Assert.Matches(@"│ 150 +│ remove: ", plan);
    }

    [Fact]
    public async Task BulkApply_Done_SaysWhatChangedAndNoEmptyTable()
    {
        await using Team team = await Team.StartAsync(5);
        await CruxTool.RunAsync(team.Args("apply", "--yes"), team.Server.AdminToken);

        CliResult again = await CruxTool.RunAsync(team.Args("apply", "--yes"), team.Server.AdminToken);

        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains("5 users: 0 to change, 5 already as wanted.", again.Out);
        Assert.DoesNotContain("─┼─", again.Out[again.Out.IndexOf("5 users:", StringComparison.Ordinal)..]);
    }

    /// <summary>The word's first part ends one line and its rest begins a later line (inside a table cell).</summary>
    private static bool Fragment(string text, string word)
    {
        if (text.Contains(word, StringComparison.Ordinal))
        {
            return false;
        }

        for (int cut = 3; cut < word.Length - 2; cut++)
        {
            if (Regex.IsMatch(text, Regex.Escape(word[..cut]) + @"[ …]*│[^\n]*\n[^\n]*│ *" + Regex.Escape(word[cut..])))
            {
                return true;
            }
        }

        return false;
    }

    private static string LabelledCsv(IReadOnlyList<SimulatedUser> users, CruxSimulator simulator) =>
        "email,user,role,permissions\n" + string.Concat(users.Select((u, i) => i % 2 == 0 ? $"{u.Username},{u.Uuid},viewer,\n" : $"{u.Username},{u.Uuid},,{string.Join(';', TeamFile.Listed)}\n"));

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{0,3}│?\s*\n")]
    private static partial Regex UuidCutAtLineEnd();
}
