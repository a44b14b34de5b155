using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Permissions;
using Spectre.Console;

namespace Crux.Connect.Cli.Output;

/// <summary>What a bulk plan or apply prints: per-user table and summary for people, one document for scripts.</summary>
internal static class BulkOutput
{
    public static void Print(CliContext context, PreparedBulk prepared, BulkReport report, string operation, string? failedFile)
    {
        bool applied = operation == "apply";
        long rateLimited = prepared.Connection.RateLimits.Count;
        if (context.Json)
        {
            CatalogIndex catalog = prepared.Catalog;
            context.WriteJson(
                new JsonBulk(
                    prepared.Connection.Environment.Name,
                    operation,
                    prepared.Path,
                    report.Cancelled,
                    [.. report.Outcomes.Select(o => new JsonUserOutcome(
                        o.User.User,
                        o.User.Row.Position.Line,
                        JsonStatus(o.Status),
                        catalog.NamesOf(o.User.Desired),
                        Names(o.Change?.Remove),
                        Names(o.Change?.Add),
                        Names(o.Change?.Unchanged),
                        o.Change?.Drifted ?? false,
                        o.Error is null ? null : ErrorText.Describe(o.Error)))],
                    new JsonBulkSummary(
                        report.Outcomes.Count,
                        report.Count(UserStatus.Changed),
                        report.Count(UserStatus.Unchanged),
                        report.Count(UserStatus.Failed),
                        report.Count(UserStatus.NotStarted),
                        rateLimited,
                        Math.Round(report.Elapsed.TotalSeconds, 3)),
                    failedFile),
                CliJsonContext.Default.JsonBulk);
            return;
        }

        context.Out.Write(Tables.Plan(report.Outcomes, applied));

        context.Out.Write(Tables.Summary(report, rateLimited, applied));
        if (!applied)
        {
            context.Out.WriteLine(report.Cancelled ? "Cancelled: the plan is incomplete. Nothing was changed." : "Nothing was changed (a plan only reads).");
        }
    }

    private static IReadOnlyList<string> Names(IReadOnlyList<Permission>? permissions) => permissions is null ? [] : [.. permissions.Select(p => p.Name)];

    private static string JsonStatus(UserStatus status) => status switch
    {
        UserStatus.Changed => "changed",
        UserStatus.Unchanged => "unchanged",
        UserStatus.Failed => "failed",
        _ => "notStarted",
    };
}
