using System.Globalization;
using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Commands.Bulk;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Crux.Connect.Cli.Output;

/// <summary>
/// The human output: Spectre.Console tables made to fit an 80-column terminal. Uuids are short unique prefixes (whole with
/// <c>--wide</c>) and never wrap; every other cell wraps only between words, and a word too long for its column is cut
/// with an ellipsis, never split across lines. Every value from the server or a file is plain, control-escaped text
/// (<see cref="TerminalText"/>), never parsed as markup.
/// </summary>
internal static class Tables
{
    /// <summary>Above this many users a plan is summarised (counts per change and the first users) unless --show-all.</summary>
    public const int AllRowsUpTo = 20;

    /// <summary>How many users a summarised plan lists.</summary>
    public const int FirstRows = 10;

    public static Table Catalog(IReadOnlyList<Permission> permissions, bool wide)
    {
        var ids = new ShortUuids(permissions.Select(p => p.Uuid), wide);
        Table table = wide ? New("Permission", "Display name", "Visibility", "Grouping", "Uuid") : New("Permission", "Display name", "Visibility", "Uuid");
        NoWrap(table, 0);
        NoWrap(table, table.Columns.Count - 1);
        foreach (Permission p in permissions)
        {
            Row(table, wide
                ? [p.Name, p.DisplayName, p.Visibility, p.Grouping, ids.Of(p.Uuid)]
                : [p.Name, p.DisplayName, p.Visibility, ids.Of(p.Uuid)]);
        }

        return Caption(table, ids);
    }

    public static Table Assignments(IReadOnlyList<PermissionAssignment> assignments, bool wide)
    {
        var ids = new ShortUuids(assignments.Select(a => a.Permission.Uuid), wide);
        Table table = New("Assigned", "Permission", "Display name", "Uuid");
        NoWrap(table, 1);
        NoWrap(table, 3);
        foreach (PermissionAssignment a in assignments.OrderByDescending(a => a.Assigned))
        {
            Row(table, a.Assigned ? "yes" : "-", a.Permission.Name, a.Permission.DisplayName, ids.Of(a.Permission.Uuid));
        }

        return Caption(table, ids);
    }

    /// <summary>The simulator's users with their whole uuids (to copy into other commands): one row per user.</summary>
    public static Table SimulatorUsers(IReadOnlyList<(Guid Uuid, string Username, string Organization, IReadOnlyList<string> Permissions)> users)
    {
        Table table = New("Uuid", "User name", "Permissions");
        NoWrap(table, 0);
        NoWrap(table, 1);
        foreach ((Guid uuid, string username, _, IReadOnlyList<string> permissions) in users)
        {
            Row(table, uuid.ToString("D"), username, permissions.Count.ToString(CultureInfo.InvariantCulture));
        }

        return table.Caption("The permissions themselves: crux simulator users --output json, or crux --simulator user show <uuid>.");
    }

    /// <summary>
    /// One row per user: the line, the user (short uuid), the label when the file has one, and what changes (or changed,
    /// or why it failed). <paramref name="listed"/> picks the rows; the caller says what the rest are.
    /// </summary>
    public static Table Users(IReadOnlyList<UserOutcome> outcomes, bool applied, bool wide, Func<UserOutcome, bool>? listed = null)
    {
        UserOutcome[] rows = [.. outcomes.Where(listed ?? (_ => true))];
        var ids = new ShortUuids(outcomes.Select(o => o.User.User), wide);
        bool labels = rows.Any(o => o.User.Label is not null);
        Table table = labels ? New("Line", "User", "Label", applied ? "Result" : "Change") : New("Line", "User", applied ? "Result" : "Change");
        NoWrap(table, 0);
        NoWrap(table, 1);
        foreach (UserOutcome o in rows)
        {
            string line = o.User.Row.Position.Line.ToString(CultureInfo.InvariantCulture);
            Escaped change = Lines(Describe(o, applied));
            Row(table, labels ? [line, ids.Of(o.User.User), o.User.Label ?? "-", change] : [line, ids.Of(o.User.User), change]);
        }

        return Caption(table, ids);
    }

    /// <summary>What happens to one user, in words: the lines "remove: ..." and "add: ...", or why not.</summary>
    public static IReadOnlyList<string> Describe(UserOutcome o, bool applied)
    {
        string drift = o.Change?.Drifted == true ? "(changed since the plan)" : string.Empty;
        IReadOnlyList<string> lines = o.Status switch
        {
            UserStatus.Failed => ["FAILED: " + ErrorText.Describe(o.Error!)],
            UserStatus.NotStarted => ["not started"],
            UserStatus.Unchanged => [applied ? "already as wanted" : "no change"],
            _ => ChangeText(o.Change!, applied),
        };
        return drift.Length == 0 ? lines : [.. lines, drift];
    }

    /// <summary>"remove: a, b" and "add: c", each a line.</summary>
    public static IReadOnlyList<string> ChangeText(PermissionChange change, bool applied)
    {
        var parts = new List<string>();
        if (change.Remove.Count > 0)
        {
            parts.Add($"{(applied ? "removed" : "remove")}: {string.Join(", ", change.Remove.Select(p => p.Name))}");
        }

        if (change.Add.Count > 0)
        {
            parts.Add($"{(applied ? "added" : "add")}: {string.Join(", ", change.Add.Select(p => p.Name))}");
        }

        return parts;
    }

    /// <summary>A big plan in a few lines: how many users get each distinct change.</summary>
    public static Table ChangeCounts(IReadOnlyList<UserOutcome> outcomes)
    {
        Table table = New("Users", "Change");
        foreach (var group in outcomes.Where(o => o.Status == UserStatus.Changed)
            .GroupBy(o => Lines(ChangeText(o.Change!, applied: false)))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Text, StringComparer.Ordinal))
        {
            Row(table, group.Count().ToString("N0", CultureInfo.InvariantCulture), group.Key);
        }

        return table;
    }

    private static Table Caption(Table table, ShortUuids ids) =>
        ids.AreShort ? table.Caption("Uuids are short unique prefixes; --wide or --output json shows them whole.") : table;

    private static Table New(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }

    private static void NoWrap(Table table, int column) => table.Columns[column].NoWrap();

    /// <summary>Lines of one cell: each escaped (so a line break from outside cannot forge one), then joined by the tool's own breaks.</summary>
    private static Escaped Lines(IEnumerable<string> lines) => new(string.Join('\n', lines.Select(l => TerminalText.Escape(l))));

    /// <summary>Adds a row: a string cell is escaped whole; an <see cref="Escaped"/> one is already.</summary>
    private static void Row(Table table, params object?[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(c is Escaped e ? e.Text : TerminalText.Escape(c as string)) { Overflow = Overflow.Ellipsis }).ToArray());

    private sealed record Escaped(string Text);
}
