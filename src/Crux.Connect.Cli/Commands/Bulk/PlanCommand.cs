using System.CommandLine;
using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Output;

namespace Crux.Connect.Cli.Commands.Bulk;

/// <summary><c>crux bulk plan FILE [--out plan.json]</c>: per user, what applying the file would remove and add; nothing is changed.</summary>
internal static class PlanCommand
{
    public static Command Create(CommandRunner runner, Examples examples)
    {
        var shared = new BulkFileOptions();
        var output = new Option<string?>("--out")
        {
            Description = "Write the plan to this file, for review and for 'crux bulk apply --plan FILE' (which applies exactly it, and refuses it if it was changed).",
            HelpName = "plan.json",
        };
        var plan = new Command("plan", "Show, per user, what applying the file would remove and add. Nothing is changed.") { output };
        shared.AddTo(plan);
        runner.SetAction(plan, (parseResult, context) => RunAsync(
            context,
            shared.File(parseResult) ?? throw new UsageException("Name the file to plan: crux bulk plan team.csv."),
            shared.Roles(parseResult),
            shared.Label(parseResult),
            shared.Concurrency(parseResult),
            shared.ShowAll(parseResult),
            parseResult.GetValue(output)));
        examples.Add(
            plan,
            "crux --simulator bulk plan team.csv --roles roles.json",
            "crux --environment production bulk plan team.csv --roles roles.json --out plan.json",
            "crux --environment production bulk plan team.json --output json > plan-report.json");
        return plan;
    }

    public static async Task<int> RunAsync(CliContext context, string file, string? roles, string? label, int concurrency, bool showAll, string? outPath)
    {
        using PreparedBulk prepared = await BulkFileOptions.PrepareAsync(context, file, roles, label).ConfigureAwait(false);
        BulkReport report = await BulkSteps.PlanAsync(context, prepared, concurrency).ConfigureAwait(false);
        if (outPath is not null && !report.Cancelled)
        {
            PlanFile.Write(outPath, prepared.Connection.Environment, context.Host.Time.GetUtcNow(), file, report);
            int unplanned = report.Count(UserStatus.Failed);
            context.Note($"Plan written to {TerminalText.Escape(outPath)} ({report.Outcomes.Count(o => o.Change is not null):N0} users"
                + (unplanned > 0 ? $"; {unplanned:N0} that could not be read are not in it" : string.Empty) + "). "
                + $"After review: crux bulk apply --plan {TerminalText.Escape(outPath)} (same environment options; refused if changed, or older than {PlanFile.Describe(PlanFile.DefaultMaxAge)}).");
        }

        if (context.Json)
        {
            BulkOutput.PrintJson(context, prepared, report, "plan", failedFile: null);
        }
        else
        {
            BulkOutput.PrintPlan(context, report, showAll, outPath);
        }

        return report.Cancelled ? ExitCodes.Cancelled : report.Count(UserStatus.Failed) > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }
}
