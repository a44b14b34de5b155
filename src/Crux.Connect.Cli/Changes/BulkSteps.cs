using Crux.Connect.Cli.Commands.Bulk;
using Crux.Connect.Cli.Output;
using Crux.Connect.Cli.Permissions;

namespace Crux.Connect.Cli.Changes;

/// <summary>The two steps of a bulk run over a checked file: plan every user, then set every planned user.</summary>
internal static class BulkSteps
{
    /// <summary>Plans every user of the file with the SDK's <see cref="OrganizationUsersClient.PlanPermissionChangesAsync(IReadOnlyDictionary{Guid, IEnumerable{Guid}}, CruxBulkOptions?, IProgress{CruxBulkProgress}?, CancellationToken)"/>:
    /// one GET per user, a few at a time, a shared pause on 429. Reading changes nothing, so Ctrl+C stops it at once.</summary>
    public static async Task<BulkReport> PlanAsync(CliContext context, PreparedBulk prepared, int concurrency)
    {
        // By uuid, resolved through the catalog the command read once; the tool names what a user's organization cannot hold.
        var desired = prepared.Users.ToDictionary(u => u.User, u => (IEnumerable<Guid>)u.Desired);
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
                : new UserOutcome(u, UserStatus.Failed, null, InWords(prepared, failed.GetValueOrDefault(u.User))))];
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
    /// <param name="context">The run.</param>
    /// <param name="prepared">The checked users, the connection and the catalog.</param>
    /// <param name="plan">The plan shown and confirmed: users it could not read are not tried again.</param>
    /// <param name="concurrency">How many users at a time.</param>
    /// <param name="onDone">Told each user's outcome as soon as it is known (the audit log writes it then), from any thread.</param>
    public static async Task<BulkReport> ApplyAsync(CliContext context, PreparedBulk prepared, BulkReport plan, int concurrency, Action<UserOutcome>? onDone = null)
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
                        await prepared.Connection.Users.SetPermissionsAsync(user.User, user.Desired, token).ConfigureAwait(false),
                        planned[user.User].Change),
                    concurrency,
                    outcome =>
                    {
                        onDone?.Invoke(outcome);
                        int now = Interlocked.Increment(ref done);
                        report(now, outcome.Status == UserStatus.Failed ? Interlocked.Increment(ref failed) : Volatile.Read(ref failed));
                    },
                    context.Host.Stop,
                    context.Host.Abort);
            }).ConfigureAwait(false);

        Dictionary<Guid, UserOutcome> done = applied.Outcomes.ToDictionary(o => o.User.User);
        return applied with { Outcomes = [.. plan.Outcomes.Select(o => done.GetValueOrDefault(o.User.User) ?? o)] };
    }

    /// <summary>A permission the user's organization cannot hold, said with its name and the organization type.</summary>
    private static Exception? InWords(PreparedBulk prepared, Exception? exception) =>
        exception is CruxPermissionsNotAvailableException notAvailable && notAvailable.PermissionUuids.Count > 0
            ? new UsageException(string.Join(" ", notAvailable.PermissionUuids.Select(u => prepared.Catalog.Find(u.ToString("D"), out _) is { } p
                ? CatalogIndex.NotAvailableMessage(p)
                : $"the permission {u:D} is not available to this user's organization.")))
            : exception;
}
