using System.Globalization;
using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Commands.Bulk;
using Crux.Connect.Cli.Permissions;

using Spectre.Console;

namespace Crux.Connect.Cli.Output;

/// <summary>What a bulk plan or apply prints: per-user tables and a summary sentence for people, one document for scripts.</summary>
internal static class BulkOutput
{
    /// <summary>The plan, before the question or as the plan command's result: whole when small (or --show-all), else
    /// summarised (counts per change, the first users), so the question is never hundreds of lines below its plan.</summary>
    public static void PrintPlan(CliContext context, BulkReport plan, bool showAll, string? planFile, bool beforeApply = false)
    {
        IReadOnlyList<UserOutcome> outcomes = plan.Outcomes;
        bool Needs(UserOutcome o) => o.Status != UserStatus.Unchanged;
        if (showAll || outcomes.Count <= Tables.AllRowsUpTo)
        {
            context.Out.Write(Tables.Users(outcomes, applied: false, context.Settings.Wide));
        }
        else
        {
            int needing = outcomes.Count(Needs);
            if (plan.Count(UserStatus.Changed) > 0)
            {
                context.Out.Write(Tables.ChangeCounts(outcomes));
            }

            if (needing > 0)
            {
                HashSet<UserOutcome> first = [.. outcomes.Where(Needs).Take(Tables.FirstRows)];
                context.Out.Write(Tables.Users(outcomes, applied: false, context.Settings.Wide, first.Contains));
                string where = planFile is null ? "--out plan.json writes the plan to a file" : $"{TerminalText.Escape(planFile)} holds the whole plan";
                context.Out.WriteLine(needing > first.Count
                    ? $"The first {first.Count} of {needing:N0} users to change or failed; --show-all lists every user, {where}, --output json lists every user too."
                    : $"Users already as wanted are not listed; --show-all lists every user, {where}.");
            }
        }

        string sentence = Sentence(plan, applied: false, rateLimited: null);
        context.Out.WriteLine(beforeApply ? sentence[..(sentence.IndexOf('.', StringComparison.Ordinal) + 1)] : sentence);
    }

    /// <summary>After an apply: the users that need attention (failed, not started, changed since the plan), then what changed.</summary>
    public static void PrintApplied(CliContext context, BulkReport report)
    {
        bool Attention(UserOutcome o) => o.Status is UserStatus.Failed or UserStatus.NotStarted || o.Change?.Drifted == true;
        if (report.Outcomes.Any(Attention))
        {
            context.Out.Write(Tables.Users(report.Outcomes, applied: true, context.Settings.Wide, Attention));
        }

        context.Out.WriteLine(Sentence(report, applied: true, report.RateLimited));
    }

    /// <summary>"5 users: 0 changed, 5 already as wanted." and, when there are any, failures, users not started, drift and pauses.</summary>
    public static string Sentence(BulkReport report, bool applied, long? rateLimited)
    {
        string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        var parts = new List<string>
        {
            $"{N(report.Count(UserStatus.Changed))} {(applied ? "changed" : "to change")}",
            $"{N(report.Count(UserStatus.Unchanged))} already as wanted",
        };
        if (report.Count(UserStatus.Failed) > 0)
        {
            parts.Add($"{N(report.Count(UserStatus.Failed))} failed");
        }

        if (report.Count(UserStatus.NotStarted) > 0)
        {
            parts.Add($"{N(report.Count(UserStatus.NotStarted))} not started");
        }

        int drifted = report.Outcomes.Count(o => o.Change?.Drifted == true);
        if (drifted > 0)
        {
            parts.Add($"{N(drifted)} changed since the plan");
        }

        string tail = applied
            ? $" ({(rateLimited > 0 ? $"{rateLimited:N0} rate-limit pauses, " : string.Empty)}{report.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)"
            : string.Empty;
        string what = report.Outcomes.Count == 1 ? "user" : "users";
        string end = applied ? string.Empty : report.Cancelled ? " Cancelled: the plan is incomplete. Nothing was changed." : " Nothing was changed (a plan only reads).";
        return $"{N(report.Outcomes.Count)} {what}: {string.Join(", ", parts)}{tail}.{end}";
    }

    public static void PrintJson(CliContext context, PreparedBulk prepared, BulkReport report, string operation, string? failedFile)
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
                    o.Error is null ? null : ErrorText.Describe(o.Error),
                    o.User.Label))],
                new JsonBulkSummary(
                    report.Outcomes.Count,
                    report.Count(UserStatus.Changed),
                    report.Count(UserStatus.Unchanged),
                    report.Count(UserStatus.Failed),
                    report.Count(UserStatus.NotStarted),
                    report.RateLimited,
                    Math.Round(report.Elapsed.TotalSeconds, 3)),
                failedFile),
            CliJsonContext.Readable.JsonBulk);
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
