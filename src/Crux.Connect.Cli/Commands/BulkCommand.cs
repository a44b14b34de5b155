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
                report = await ApplyAsync(context, prepared, plan, concurrency).ConfigureAwait(false);
            }

            string? failedPath = report.Left.Any() ? WriteLeft(context, report, parseResult.GetValue(failedFile) ?? FailedUsersFile.DefaultPath(prepared.Path)) : null;
            Print(context, prepared, report, "apply", failedPath);
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

    private static async Task<bool> ConfirmAsync(CliContext context, Prepared prepared, BulkReport plan, bool yes)
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

    /// <summary>Plans every user of the file with the SDK's <see cref="OrganizationUsersClient.PlanPermissionChangesAsync(IReadOnlyDictionary{Guid, IEnumerable{string}}, CruxBulkOptions?, IProgress{CruxBulkProgress}?, CancellationToken)"/>:
    /// one GET per user, a few at a time, a shared pause on 429. Reading changes nothing, so Ctrl+C stops it at once.</summary>
    private static async Task<BulkReport> PlanAsync(CliContext context, Prepared prepared, int concurrency)
    {
        // By name, so that the SDK's messages (a permission the user's organization cannot hold) name them too.
        var desired = prepared.Users.ToDictionary(u => u.User, u => (IEnumerable<string>)prepared.Catalog.NamesOf(u.Desired));
        var started = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            PermissionChangePlan plan = await ProgressDisplay.RunAsync(
                context,
                "Planned",
                prepared.Users.Count,
                () => prepared.Connection.RateLimits.Count,
                report => prepared.Connection.Users.PlanPermissionChangesAsync(
                    desired,
                    new CruxBulkOptions { MaxConcurrency = concurrency },
                    new InlineProgress(p => report(p.Completed, p.Failed)),
                    context.Host.Stop)).ConfigureAwait(false);
            var planned = plan.Users.ToDictionary(u => u.UserUuid);
            var failed = plan.Failures.ToDictionary(f => f.UserUuid, f => f.Exception);
            UserOutcome[] outcomes = [.. prepared.Users.Select(u => planned.TryGetValue(u.User, out UserPermissionPlan? row)
                ? new UserOutcome(u, row.HasChanges ? UserStatus.Changed : UserStatus.Unchanged, PermissionChange.Planned(row), null)
                : new UserOutcome(u, UserStatus.Failed, null, failed.GetValueOrDefault(u.User)))];
            return new BulkReport(outcomes, started.Elapsed, Cancelled: false);
        }
        catch (CruxBulkCanceledException)
        {
            return new BulkReport([.. prepared.Users.Select(u => new UserOutcome(u, UserStatus.NotStarted, null, null))], started.Elapsed, Cancelled: true);
        }
    }

    /// <summary>
    /// Sets every planned user with the SDK's <see cref="OrganizationUsersClient.SetPermissionsAsync(Guid, IEnumerable{string}, CancellationToken)"/>
    /// (read again, remove, then add), a few at a time. The tool runs the users itself rather than through the SDK's
    /// ApplyPermissionChangesAsync because Ctrl+C must let the changes in flight finish (the SDK abandons them): see <see cref="BulkRun"/>.
    /// Users the plan could not read are not tried again; they are reported as failed with the plan's error.
    /// </summary>
    private static async Task<BulkReport> ApplyAsync(CliContext context, Prepared prepared, BulkReport plan, int concurrency)
    {
        Dictionary<Guid, UserOutcome> planned = plan.Outcomes.ToDictionary(o => o.User.User);
        DesiredUser[] toApply = [.. plan.Outcomes.Where(o => o.Status != UserStatus.Failed).Select(o => o.User)];
        BulkReport applied = await ProgressDisplay.RunAsync(
            context,
            "Applied",
            toApply.Length,
            () => prepared.Connection.RateLimits.Count,
            report =>
            {
                int done = 0;
                int failed = 0;
                return BulkRun.RunAsync(
                    toApply,
                    async (user, token) => PermissionChange.Done(
                        await prepared.Connection.Users.SetPermissionsAsync(user.User, prepared.Catalog.NamesOf(user.Desired), token).ConfigureAwait(false),
                        planned[user.User].Change),
                    concurrency,
                    outcome =>
                    {
                        int now = Interlocked.Increment(ref done);
                        report(now, outcome.Status == UserStatus.Failed ? Interlocked.Increment(ref failed) : Volatile.Read(ref failed));
                    },
                    context.Host.Stop,
                    context.Host.Abort);
            }).ConfigureAwait(false);

        Dictionary<Guid, UserOutcome> done = applied.Outcomes.ToDictionary(o => o.User.User);
        return applied with { Outcomes = [.. plan.Outcomes.Select(o => done.GetValueOrDefault(o.User.User) ?? o)] };
    }

    /// <summary>Reports on the thread that reports (unlike <see cref="Progress{T}"/>, which posts to the thread pool and may report late or out of order).</summary>
    private sealed class InlineProgress(Action<CruxBulkProgress> report) : IProgress<CruxBulkProgress>
    {
        public void Report(CruxBulkProgress value) => report(value);
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

            CliConnection connection = await context.ConnectAsync().ConfigureAwait(false);
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
