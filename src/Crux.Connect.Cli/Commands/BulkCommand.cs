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
        var shared = new SharedOptions();
        var plan = new Command("plan", "Show, per user, what applying the file would remove and add. Nothing is changed.");
        shared.AddTo(plan);
        runner.SetAction(plan, async (parseResult, context) =>
        {
            using Prepared prepared = await shared.PrepareAsync(parseResult, context).ConfigureAwait(false);
            BulkReport report = await PlanAsync(context, prepared, shared.Concurrency(parseResult)).ConfigureAwait(false);
            Print(context, prepared, report, "plan", failedFile: null);
            return report.Cancelled ? ExitCodes.Cancelled : report.Count(UserStatus.Failed) > 0 ? ExitCodes.Failed : ExitCodes.Success;
        });
        examples.Add(plan, "crux --simulator bulk plan team.csv --roles roles.json", "crux --environment production bulk plan team.json --output json > plan.json");
        return plan;
    }

    private static Command Apply(CommandRunner runner, Examples examples)
    {
        var shared = new SharedOptions();
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
            using Prepared prepared = await shared.PrepareAsync(parseResult, context).ConfigureAwait(false);
            int concurrency = shared.Concurrency(parseResult);
            BulkReport plan = await PlanAsync(context, prepared, concurrency).ConfigureAwait(false);
            if (plan.Cancelled)
            {
                Print(context, prepared, plan, "plan", failedFile: null);
                return ExitCodes.Cancelled;
            }

            if (!context.Json)
            {
                context.Out.Write(Tables.Plan(plan.Outcomes, prepared.Catalog, applied: false));
            }

            if (!Confirm(context, prepared, plan, parseResult.GetValue(yes)))
            {
                context.Note("Nothing was changed.");
                return ExitCodes.Cancelled;
            }

            IPermissionSetter setter = PermissionSetter.For(prepared.Connection);
            using CancellationTokenRegistration notice = context.Host.Stop.Register(() => context.ErrorLine(
                string.Empty, "yellow", "Ctrl+C: no new user is started; the ones in flight finish. Ctrl+C again abandons them too."));
            BulkReport report = await RunAsync(context, prepared, "Applied", (user, token) => setter.SetAsync(user.User, user.Desired, token), concurrency, context.Host.Abort)
                .ConfigureAwait(false);

            string? failedPath = null;
            if (report.Left.Any())
            {
                failedPath = parseResult.GetValue(failedFile) ?? FailedUsersFile.DefaultPath(prepared.Path);
                FailedUsersFile.Write(failedPath, report.Left, prepared.Catalog);
            }

            Print(context, prepared, report, "apply", failedPath);
            if (failedPath is not null)
            {
                string roles = prepared.RolesPath is null ? string.Empty : $" --roles {prepared.RolesPath}";
                context.Note($"{report.Left.Count():N0} users left, written to {failedPath}. To finish: crux bulk apply {failedPath}{roles} (same environment options).");
            }

            return report.Cancelled ? ExitCodes.Cancelled : report.Count(UserStatus.Failed) > 0 ? ExitCodes.Failed : ExitCodes.Success;
        });
        examples.Add(
            apply,
            "crux --simulator bulk apply team.csv --roles roles.json",
            "crux --environment production bulk apply team.csv --yes --output json > result.json");
        return apply;
    }

    private static bool Confirm(CliContext context, Prepared prepared, BulkReport plan, bool yes)
    {
        if (yes)
        {
            return true;
        }

        IAnsiConsole prompter = context.Prompter
            ?? throw new UsageException("Nothing was changed: no terminal to confirm on. Review with 'crux bulk plan', then pass --yes to apply.");
        int changing = plan.Count(UserStatus.Changed);
        return prompter.Confirm(
            $"Apply to {plan.Outcomes.Count:N0} users ({changing:N0} to change) in [bold]{Markup.Escape(prepared.Connection.Environment.Description)}[/]?",
            defaultValue: false);
    }

    private static Task<BulkReport> PlanAsync(CliContext context, Prepared prepared, int concurrency)
    {
        IPermissionSetter setter = PermissionSetter.For(prepared.Connection);

        // Reading changes nothing, so Ctrl+C may stop the reads in flight at once.
        return RunAsync(context, prepared, "Planned", (user, token) => setter.PlanAsync(user.User, user.Desired, token), concurrency, context.Host.Stop);
    }

    private static async Task<BulkReport> RunAsync(
        CliContext context, Prepared prepared, string verb, Func<DesiredUser, CancellationToken, Task<PermissionChange>> step, int concurrency, CancellationToken abort)
    {
        int total = prepared.Users.Count;
        int done = 0;
        int failed = 0;
        BulkReport? report = null;
        await context.Error.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                ProgressTask task = progress.AddTask($"{verb} 0/{total:N0}", maxValue: total);
                report = await BulkRun.RunAsync(
                    prepared.Users,
                    step,
                    concurrency,
                    outcome =>
                    {
                        int now = Interlocked.Increment(ref done);
                        int failures = outcome.Status == UserStatus.Failed ? Interlocked.Increment(ref failed) : Volatile.Read(ref failed);
                        task.Increment(1);
                        task.Description = $"{verb} {now:N0}/{total:N0}, {failures:N0} failed, {prepared.Connection.RateLimits.Count:N0} rate-limit pauses";
                        context.Host.OnUserDone?.Invoke(now);
                    },
                    context.Host.Stop,
                    abort).ConfigureAwait(false);
                task.StopTask();
            }).ConfigureAwait(false);
        return report!;
    }

    private static void Print(CliContext context, Prepared prepared, BulkReport report, string operation, string? failedFile)
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
                        catalog.NamesOf(o.Change?.Remove ?? []),
                        catalog.NamesOf(o.Change?.Add ?? []),
                        catalog.NamesOf(o.Change?.Unchanged ?? []),
                        o.Error is null ? null : ErrorText.Describe(o.Error, catalog)))],
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

        context.Out.Write(Tables.Plan(report.Outcomes, prepared.Catalog, applied));

        context.Out.Write(Tables.Summary(report, rateLimited, applied));
        if (!applied)
        {
            context.Out.WriteLine(report.Cancelled ? "Cancelled: the plan is incomplete. Nothing was changed." : "Nothing was changed (a plan only reads).");
        }
    }

    private static string JsonStatus(UserStatus status) => status switch
    {
        UserStatus.Changed => "changed",
        UserStatus.Unchanged => "unchanged",
        UserStatus.Failed => "failed",
        _ => "notStarted",
    };

    /// <summary>The file argument and the options plan and apply share.</summary>
    private sealed class SharedOptions
    {
        private readonly Argument<string> _file = new("file") { Description = "A CSV (header user,permissions or user,role) or JSON file ([{\"user\": ..., \"permissions\": [...]}] or JSON Lines)." };
        private readonly Option<string?> _roles = RolesOption.Create();
        private readonly Option<int> _concurrency = new("--concurrency")
        {
            Description = $"How many users are changed at a time (1 to {BulkRun.MaxConcurrency}).",
            DefaultValueFactory = _ => BulkRun.DefaultConcurrency,
            HelpName = "n",
        };

        public SharedOptions()
        {
            _concurrency.Validators.Add(result =>
            {
                int value = result.GetValueOrDefault<int>();
                if (value < 1 || value > BulkRun.MaxConcurrency)
                {
                    result.AddError($"--concurrency must be from 1 to {BulkRun.MaxConcurrency}.");
                }
            });
        }

        public void AddTo(Command command)
        {
            command.Arguments.Add(_file);
            command.Options.Add(_roles);
            command.Options.Add(_concurrency);
        }

        public int Concurrency(ParseResult parseResult) => parseResult.GetValue(_concurrency);

        public async Task<Prepared> PrepareAsync(ParseResult parseResult, CliContext context)
        {
            // The files first: a missing or malformed one stops the run before any connection is made.
            string path = parseResult.GetRequiredValue(_file);
            List<UserRow> rows = UsersFile.Load(path);
            RolesFile? roles = RolesOption.Load(parseResult, _roles);

            CliConnection connection = context.Connect();
            try
            {
                context.AnnounceEnvironment(connection.Environment);
                CatalogIndex catalog = await CatalogIndex.LoadAsync(connection.Users, context.Host.Stop).ConfigureAwait(false);
                List<DesiredUser> users = DesiredUsers.Resolve(path, rows, roles, catalog);
                context.Note($"{users.Count:N0} users from {path}.");
                return new Prepared(path, parseResult.GetValue(_roles), connection, catalog, users);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }

    /// <summary>A checked file, the connection and the catalog, ready to plan or apply.</summary>
    private sealed record Prepared(string Path, string? RolesPath, CliConnection Connection, CatalogIndex Catalog, List<DesiredUser> Users) : IDisposable
    {
        public void Dispose() => Connection.Dispose();
    }
}
