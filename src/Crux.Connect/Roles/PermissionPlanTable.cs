using System.Globalization;
using System.Text;

namespace Crux.Connect.Roles;

/// <summary>The table <see cref="PermissionChangePlan.ToString"/> prints: a summary line, then padded columns an operator can read.</summary>
internal static class PermissionPlanTable
{
    private static readonly string[] Headers = ["user", "remove", "add", "keep"];

    public static string Format(PermissionChangePlan plan)
    {
        var rows = new List<string[]>(plan.Users.Count);
        foreach (UserPermissionPlan user in plan.Users)
        {
            rows.Add([
                user.UserUuid.ToString("D"),
                PermissionChangePlan.Names(user.ToRemove),
                PermissionChangePlan.Names(user.ToAdd),
                PermissionChangePlan.Names(user.Unchanged)]);
        }

        int[] widths = Headers.Select(static h => h.Length).ToArray();
        foreach (string[] row in rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        text.Append(string.Format(
            CultureInfo.InvariantCulture,
            "Permission change plan of {0:yyyy-MM-dd HH:mm:ss}Z: {1} users, {2} to change ({3} removals, {4} additions), {5} already as desired, {6} not planned",
            plan.CreatedAt.UtcDateTime,
            plan.Users.Count + plan.Failures.Count,
            plan.UsersToChange,
            plan.RemovalCount,
            plan.AdditionCount,
            plan.Users.Count - plan.UsersToChange,
            plan.Failures.Count));
        if (rows.Count > 0)
        {
            text.AppendLine();
            AppendRow(text, Headers, widths);
            text.AppendLine();
            text.Append('|');
            foreach (int width in widths)
            {
                text.Append('-', width + 2).Append('|');
            }

            foreach (string[] row in rows)
            {
                text.AppendLine();
                AppendRow(text, row, widths);
            }
        }

        foreach (CruxBulkOutcome<UserPermissionPlan> failure in plan.Failures)
        {
            text.AppendLine().Append("not planned: ").Append(failure.UserUuid.ToString("D")).Append(": ").Append(RecordedPlanFailureException.Describe(failure.Exception!));
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        text.Append('|');
        for (int i = 0; i < cells.Length; i++)
        {
            text.Append(' ').Append(cells[i].PadRight(widths[i])).Append(" |");
        }
    }
}
