using Crux.Connect.Cli.Changes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Crux.Connect.Cli.Output;

/// <summary>The human output: Spectre.Console tables. Every value from the server or a file is shown as plain text
/// (<see cref="Text"/>), never parsed as markup.</summary>
internal static class Tables
{
    /// <summary>Above this many users a plan table lists only the users that change or fail; JSON always lists all.</summary>
    public const int AllRowsUpTo = 50;

    public static Table Catalog(IReadOnlyList<Permission> permissions)
    {
        Table table = New("Permission", "Display name", "Visibility", "Grouping", "Uuid");
        foreach (Permission p in permissions)
        {
            Row(table, p.Name, p.DisplayName, p.Visibility, p.Grouping, p.Uuid.ToString("D"));
        }

        return table;
    }

    public static Table Assignments(IReadOnlyList<PermissionAssignment> assignments)
    {
        Table table = New("Assigned", "Permission", "Display name", "Uuid");
        foreach (PermissionAssignment a in assignments.OrderByDescending(a => a.Assigned))
        {
            Row(table, a.Assigned ? "yes" : "-", a.Permission.Name, a.Permission.DisplayName, a.Permission.Uuid.ToString("D"));
        }

        return table;
    }

    public static Table Plan(IReadOnlyList<UserOutcome> outcomes, bool applied)
    {
        Table table = New("Line", "User", applied ? "Status" : "Plan", applied ? "Removed" : "Remove", applied ? "Added" : "Add", "Kept / error");
        // A long plan lists what needs review (changes and failures); a long result lists what needs action (users left).
        bool all = outcomes.Count <= AllRowsUpTo;
        bool Listed(UserOutcome o) => all || (applied ? o.Status is UserStatus.Failed or UserStatus.NotStarted : o.Status != UserStatus.Unchanged);
        foreach (UserOutcome o in outcomes.Where(Listed))
        {
            string status = o.Status switch
            {
                UserStatus.Changed => applied ? "changed" : "change",
                UserStatus.Unchanged => "no change",
                UserStatus.Failed => "FAILED",
                _ => "not started",
            };
            Row(
                table,
                o.User.Row.Position.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                o.User.User.ToString("D"),
                status,
                Names(o.Change?.Remove),
                Names(o.Change?.Add),
                o.Error is { } error ? ErrorText.Describe(error) : Names(o.Change?.Unchanged) + (o.Change?.Drifted == true ? " (drifted since the plan)" : string.Empty));
        }

        int hidden = outcomes.Count(o => !Listed(o));
        if (hidden > 0)
        {
            table.Caption(applied
                ? $"{hidden:N0} users changed or already as desired are not listed (--output json lists every user)."
                : $"{hidden:N0} users already as desired are not listed (--output json lists every user).");
        }

        return table;
    }

    public static Table Summary(BulkReport report, long rateLimited, bool applied)
    {
        Table table = New("Users", applied ? "Changed" : "To change", "Unchanged", "Failed", "Not started", "429 answers", "Time");
        Row(
            table,
            report.Outcomes.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            report.Count(UserStatus.Changed).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            report.Count(UserStatus.Unchanged).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            report.Count(UserStatus.Failed).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            report.Count(UserStatus.NotStarted).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            rateLimited.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            $"{report.Elapsed.TotalSeconds:0.0} s");
        return table;
    }

    private static string Names(IReadOnlyList<Permission>? permissions) =>
        permissions is null || permissions.Count == 0 ? "-" : string.Join(", ", permissions.Select(p => p.Name));

    private static Table New(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }

    private static void Row(Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(c ?? string.Empty)).ToArray());
}
