using System.CommandLine;

namespace Crux.Connect.Cli.Commands.Bulk;

/// <summary>
/// <c>crux bulk plan|apply</c>: set many users' permissions from a CSV or JSON file, or from a reviewed plan file. The file
/// is read and checked whole (every name and role resolved) before any user is read; a plan changes nothing; an apply
/// shows the plan, asks, then changes, with progress on standard error, a summary, and the users it left in a file.
/// </summary>
internal static class BulkCommand
{
    public static Command Create(CommandRunner runner, Examples examples)
    {
        var bulk = new Command("bulk", "Set many users' permissions from a CSV or JSON file (a user per line, with permissions or a role): plan, review, then apply.")
        {
            PlanCommand.Create(runner, examples),
            ApplyCommand.Create(runner, examples),
        };
        examples.Add(
            bulk,
            "crux --simulator bulk plan team.csv --roles roles.json --out plan.json",
            "crux --simulator bulk apply --plan plan.json --audit-log audit.jsonl");
        return bulk;
    }
}
