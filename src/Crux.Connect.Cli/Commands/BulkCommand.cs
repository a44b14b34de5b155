using System.CommandLine;
using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Files;
using Crux.Connect.Cli.Output;
using Crux.Connect.Cli.Permissions;
using Spectre.Console;

namespace Crux.Connect.Cli.Commands;

/// <summary>
/// <c>crux bulk plan|apply FILE</c>: set many users' permissions from a CSV or JSON file. The file is read and checked
/// whole (every name and role resolved) before any user is read; a plan changes nothing; an apply shows the plan, asks,
/// then changes, with progress on standard error, a summary, and the users it left in a file to feed back in.
/// </summary>
internal static class BulkCommand
{
    public static Command Create(CommandRunner runner, Examples examples)
    {
        var bulk = new Command("bulk", "Set many users' permissions from a CSV or JSON file (a user per line, with permissions or a role): plan, then apply.")
        {
            Plan(runner, examples),
            Apply(runner, examples),
        };
        examples.Add(bulk, "crux --simulator bulk plan team.csv --roles roles.json", "crux --simulator bulk apply team.csv --roles roles.json --yes");
        return bulk;
    }

    private static Command Plan(CommandRunner runner, Examples examples)
    {
        var shared = new BulkFileOptions();
        var plan = new Command("plan", "Show, per user, what applying the file would remove and add. Nothing is changed.");
        shared.AddTo(plan);
        runner.SetAction(plan, async (parseResult, context) =>
        {
            using PreparedBulk prepared = await shared.PrepareAsync(parseResult, context).ConfigureAwait(false);
            BulkReport report = await BulkSteps.PlanAsync(context, prepared, shared.Concurrency(parseResult)).ConfigureAwait(false);
            BulkOutput.Print(context, prepared, report, "plan", failedFile: null);
            return report.Cancelled ? ExitCodes.Cancelled : report.Count(UserStatus.Failed) > 0 ? ExitCodes.Failed : ExitCodes.Success;
        });
        examples.Add(plan, "crux --simulator bulk plan team.csv --roles roles.json", "crux --environment production bulk plan team.json --output json > plan.json");
        return plan;
    }

    private static Command Apply(CommandRunner runner, Examples examples)
    {
        var shared = new BulkFileOptions();
        var yes = new Option<bool>("--yes", "-y") { Description = "Apply without asking (for scripts). Without it, the plan is shown and you are asked." };
        var failedFile = new Option<string?>("--failed-file")
        {
            Description = "Where to write the users left (failed, or not started after Ctrl+C); default: <file>.failed.csv beside the input. Feed it back to 'crux bulk apply'.",
            HelpName = "path",
        };
        var apply = new Command("apply", "Plan, ask, then set every user of the file to their permissions, removing before adding; a summary at the end.") { yes, failedFile };
        shared.AddTo(apply);
        runner.SetAction(apply, async (parseResult, context) =>
        {
            using PreparedBulk prepared = await shared.PrepareAsync(parseResult, context).ConfigureAwait(false);
            int concurrency = shared.Concurrency(parseResult);
            BulkReport plan = await BulkSteps.PlanAsync(context, prepared, concurrency).ConfigureAwait(false);
            if (plan.Cancelled)
            {
                BulkOutput.Print(context, prepared, plan, "plan", failedFile: null);
                return ExitCodes.Cancelled;
            }

            if (!context.Json)
            {
                context.Out.Write(Tables.Plan(plan.Outcomes, applied: false));
            }

            BulkReport report;
            if (plan.Count(UserStatus.Changed) == 0)
            {
                // Nobody to change: no question to ask, nothing to send.
                context.Note("Every user that could be planned already holds exactly the desired permissions; nothing to apply.");
                report = plan;
            }
            else if (!await ConfirmAsync(context, prepared, plan, parseResult.GetValue(yes)).ConfigureAwait(false))
            {
                context.Note("Nothing was changed.");
                return ExitCodes.Cancelled;
            }
            else
            {
                context.Note($"Applying to {plan.Outcomes.Count(o => o.Status != UserStatus.Failed):N0} users, {concurrency} at a time; Ctrl+C stops starting new ones.");
                using CancellationTokenRegistration notice = context.Host.Stop.Register(() => context.ErrorLine(
                    string.Empty, "yellow", "Ctrl+C: no new user is started; the ones in flight finish. Ctrl+C again abandons them too."));
                report = await BulkSteps.ApplyAsync(context, prepared, plan, concurrency).ConfigureAwait(false);
            }

            string? failedPath = report.Left.Any() ? WriteLeft(context, report, parseResult.GetValue(failedFile) ?? FailedUsersFile.DefaultPath(prepared.Path)) : null;
            BulkOutput.Print(context, prepared, report, "apply", failedPath);
            if (failedPath is not null)
            {
                string roles = prepared.RolesPath is null ? string.Empty : $" --roles {prepared.RolesPath}";
                context.Note($"Users left: {report.Left.Count():N0}, written to {failedPath}. To finish: crux bulk apply {failedPath}{roles} (same environment options).");
            }

            return report.Cancelled ? ExitCodes.Cancelled : report.Count(UserStatus.Failed) > 0 ? ExitCodes.Failed : ExitCodes.Success;
        });
        examples.Add(
            apply,
            "crux --simulator bulk apply team.csv --roles roles.json",
            "crux --environment production bulk apply team.csv --yes --output json > result.json");
        return apply;
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
