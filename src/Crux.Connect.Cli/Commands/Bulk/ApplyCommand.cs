using System.CommandLine;
using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Output;
using Crux.Connect.Cli.Permissions;
using Spectre.Console;

namespace Crux.Connect.Cli.Commands.Bulk;

/// <summary>
/// <c>crux bulk apply FILE</c> or <c>crux bulk apply --plan plan.json</c>: show the plan, ask, then set every user, removing
/// before adding; a summary at the end, the users left in a file, and with <c>--audit-log</c> a JSON line per change made.
/// </summary>
internal static class ApplyCommand
{
    /// <summary>What an apply was asked to do, as parsed.</summary>
    internal sealed record Request(string? File, string? PlanPath, string? Roles, string? Label, int Concurrency, bool ShowAll, bool Yes, string? FailedFile, TimeSpan MaxAge, string? AuditLog);

    public static Command Create(CommandRunner runner, Examples examples)
    {
        var shared = new BulkFileOptions();
        var yes = new Option<bool>("--yes", "-y") { Description = "Apply without asking (for scripts). Without it, the plan is shown and you are asked." };
        var failedFile = new Option<string?>("--failed-file")
        {
            Description = "Where to write the users left (failed, or not started after Ctrl+C); default: beside the input, team.csv -> team.failed.csv. Feed it back to 'crux bulk apply'; it is removed once a run finishes every user.",
            HelpName = "path",
        };
        var plan = new Option<string?>("--plan") { Description = "Apply exactly this plan, written by 'crux bulk plan FILE --out plan.json' (instead of a FILE).", HelpName = "plan.json" };
        var maxAge = new Option<string?>("--max-age")
        {
            Description = $"With --plan: accept a plan up to this old (default {PlanFile.Describe(PlanFile.DefaultMaxAge)}): 30m, 24h, 7d.",
            HelpName = "age",
        };
        var auditLog = new Option<string?>("--audit-log")
        {
            Description = "Append one JSON line per user change made (time, environment, user, label, removed, added, request ids, outcome) to this file, as it happens.",
            HelpName = "file",
        };
        var apply = new Command("apply", "Plan (or read a reviewed plan), ask, then set every user to their permissions, removing before adding; a summary at the end.")
        {
            yes, failedFile, plan, maxAge, auditLog,
        };
        shared.AddTo(apply);
        runner.SetAction(apply, (parseResult, context) => RunAsync(context, new Request(
            shared.File(parseResult),
            parseResult.GetValue(plan),
            shared.Roles(parseResult),
            shared.Label(parseResult),
            shared.Concurrency(parseResult),
            shared.ShowAll(parseResult),
            parseResult.GetValue(yes),
            parseResult.GetValue(failedFile),
            parseResult.GetValue(maxAge) is { } age ? PlanFile.ParseAge(age) : PlanFile.DefaultMaxAge,
            parseResult.GetValue(auditLog))));
        examples.Add(
            apply,
            "crux --simulator bulk apply team.csv --roles roles.json",
            "crux --environment production bulk apply --plan plan.json --audit-log audit.jsonl",
            "crux --environment production bulk apply team.csv --yes --output json > result.json");
        return apply;
    }

    public static async Task<int> RunAsync(CliContext context, Request request)
    {
        if ((request.File is null) == (request.PlanPath is null))
        {
            throw new UsageException("Give a file to apply (crux bulk apply team.csv) or a reviewed plan (crux bulk apply --plan plan.json), not both.");
        }

        // Said as soon as the first Ctrl+C or signal comes, in the plan or in the apply: the run ends itself, accounting for every user.
        using CancellationTokenRegistration notice = context.Host.Stop.Register(() => context.ErrorLine(
            string.Empty, "yellow", $"{context.Host.StoppedBy()}: no new user is started; the ones in flight finish. Ctrl+C or a second signal abandons them too."));

        (PreparedBulk prepared, BulkReport plan) = request.PlanPath is { } planPath
            ? await FromPlanFileAsync(context, planPath, request.MaxAge).ConfigureAwait(false)
            : await FromFileAsync(context, request).ConfigureAwait(false);
        using PreparedBulk owned = prepared;
        if (plan.Cancelled)
        {
            // Stopped while planning: nothing was changed, and every user is left (in the file, to run again).
            string? allLeft = WriteLeft(context, plan, request.FailedFile ?? FailedUsersFile.DefaultPath(prepared.Path));
            Print(context, prepared, plan, "plan", allLeft);
            NoteLeft(context, prepared, plan, allLeft);
            return ExitCodes.Cancelled;
        }

        // Opened before the question: a log that cannot be written stops the run before anything is changed.
        using AuditLog? audit = request.AuditLog is { } auditPath ? AuditLog.Open(auditPath, prepared.Connection.Environment, context.Host.Time) : null;
        if (!context.Json)
        {
            BulkOutput.PrintPlan(context, plan, request.ShowAll, request.PlanPath, beforeApply: true);
        }

        BulkReport report;
        if (plan.Count(UserStatus.Changed) == 0)
        {
            // Nobody to change: no question to ask, nothing to send.
            context.Note("Every user that could be planned already holds exactly the desired permissions; nothing to apply.");
            report = plan;
        }
        else if (!await ConfirmAsync(context, prepared, plan, request.Yes).ConfigureAwait(false))
        {
            context.Note("Nothing was changed.");
            return ExitCodes.Cancelled;
        }
        else
        {
            context.Note($"Applying to {plan.Outcomes.Count(o => o.Status != UserStatus.Failed):N0} users, {request.Concurrency} at a time; Ctrl+C stops starting new ones.");
            report = await BulkSteps.ApplyAsync(context, prepared, plan, request.Concurrency, audit is null ? null : audit.Write).ConfigureAwait(false);
        }

        string leftPath = request.FailedFile ?? FailedUsersFile.DefaultPath(prepared.Path);
        string? failedPath = report.Left.Any() ? WriteLeft(context, report, leftPath) : RemoveLeft(context, leftPath);
        Print(context, prepared, report, "apply", failedPath);
        NoteLeft(context, prepared, report, failedPath);

        if (request.AuditLog is not null)
        {
            context.Note($"Audit log: {TerminalText.Escape(request.AuditLog)} (one JSON line per user changed or failed).");
        }

        return report.Cancelled ? ExitCodes.Cancelled : report.Count(UserStatus.Failed) > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static async Task<(PreparedBulk, BulkReport)> FromFileAsync(CliContext context, Request request)
    {
        PreparedBulk prepared = await BulkFileOptions.PrepareAsync(context, request.File!, request.Roles, request.Label).ConfigureAwait(false);
        try
        {
            return (prepared, await BulkSteps.PlanAsync(context, prepared, request.Concurrency).ConfigureAwait(false));
        }
        catch
        {
            prepared.Dispose();
            throw;
        }
    }

    /// <summary>A reviewed plan: checked (digest, environment, age) before connecting; its users are not read again before the
    /// question, and each is set to exactly the plan's desired set. Users who changed since are reported as drift.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The connection is disposed on failure and otherwise handed to PreparedBulk, which the caller disposes.")]
    private static async Task<(PreparedBulk, BulkReport)> FromPlanFileAsync(CliContext context, string planPath, TimeSpan maxAge)
    {
        JsonPlan content = PlanFile.Read(planPath, CliEnvironment.From(context.Settings), context.Host.Time.GetUtcNow(), maxAge);
        CliConnection connection = await context.ConnectAsync().ConfigureAwait(false);
        try
        {
            context.AnnounceEnvironment(connection.Environment);
            CatalogIndex catalog = await CatalogIndex.LoadAsync(connection.Users, context.Host.Stop).ConfigureAwait(false);
            (List<DesiredUser> users, BulkReport plan) = PlanFile.ToRun(planPath, content, catalog);
            context.Note($"Plan {TerminalText.Escape(Path.GetFileName(planPath))}: {users.Count:N0} users from {TerminalText.Escape(content.File)}, made {PlanFile.Describe(context.Host.Time.GetUtcNow() - content.CreatedAt)} ago; digest checked.");
            return (new PreparedBulk(planPath, null, connection, catalog, users), plan);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Print(CliContext context, PreparedBulk prepared, BulkReport report, string operation, string? failedFile)
    {
        if (context.Json)
        {
            BulkOutput.PrintJson(context, prepared, report, operation, failedFile);
        }
        else if (operation == "plan")
        {
            BulkOutput.PrintPlan(context, report, showAll: false, planFile: null);
        }
        else
        {
            BulkOutput.PrintApplied(context, report);
        }
    }

    /// <summary>Says where the users left are and how to finish.</summary>
    private static void NoteLeft(CliContext context, PreparedBulk prepared, BulkReport report, string? failedPath)
    {
        if (failedPath is not null)
        {
            string roles = prepared.RolesPath is null ? string.Empty : $" --roles {prepared.RolesPath}";
            context.Note($"Users left: {report.Left.Count():N0}, written to {TerminalText.Escape(failedPath)}. To finish: crux bulk apply {TerminalText.Escape(failedPath)}{TerminalText.Escape(roles)} (same environment options).");
        }
    }

    /// <summary>Writes the users left; a file that cannot be written is said, and the run still reports what it did.</summary>
    private static string? WriteLeft(CliContext context, BulkReport report, string path)
    {
        try
        {
            FailedUsersFile.Write(path, report.Left);
            return path;
        }
        catch (UsageException exception)
        {
            context.ErrorLine("error: ", "red", exception.Message);
            return null;
        }
    }

    /// <summary>Every user is done: a users-left file from an earlier run is stale, and removed so nobody applies it again.</summary>
    private static string? RemoveLeft(CliContext context, string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
                context.Note($"Every user is done; removed the users-left file {TerminalText.Escape(path)}.");
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            context.ErrorLine("error: ", "red", $"The users-left file '{TerminalText.Escape(path)}' could not be removed: {exception.Message}");
        }

        return null;
    }

    private static async Task<bool> ConfirmAsync(CliContext context, PreparedBulk prepared, BulkReport plan, bool yes)
    {
        if (yes)
        {
            return true;
        }

        IAnsiConsole prompter = context.Prompter
            ?? throw new UsageException("Nothing was changed: no terminal to confirm on. Review with 'crux bulk plan', then pass --yes to apply.");
        int changing = plan.Count(UserStatus.Changed);
        int failed = plan.Count(UserStatus.Failed);
        string skipped = failed == 0 ? string.Empty : $", {failed:N0} that could not be planned skipped";
        var question = new ConfirmationPrompt(
            $"Apply to {plan.Outcomes.Count - failed:N0} users ({changing:N0} to change{skipped}) in [bold]{Markup.Escape(prepared.Connection.Environment.Description)}[/]?")
        {
            DefaultValue = false,
        };

        // Ctrl+C while the question waits ends the run (exit 130), nothing changed.
        return await question.ShowAsync(prompter, context.Host.Stop).ConfigureAwait(false);
    }
}
