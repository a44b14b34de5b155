using Crux.Connect.Cli.Commands.Bulk;
using Crux.Connect.Cli.Output;
using Crux.Connect.Cli.Permissions;

namespace Crux.Connect.Cli.Changes;

/// <summary>The two steps of a bulk run over a checked file: plan every user, then set every planned user.</summary>
internal static class BulkSteps
{
    /// <summary>Plans every user of the file with the SDK's <see cref="OrganizationUsersClient.PlanPermissionChangesAsync(IReadOnlyDictionary{Guid, IEnumerable{Guid}}, CruxBulkOptions?, IProgress{CruxBulkProgress}?, CancellationToken)"/>:
    /// one GET per user on the SDK's bulk engine (patient under 429). Reading changes nothing, so Ctrl+C or a signal stops it at once;
    /// every user is then not started.</summary>
    public static async Task<BulkReport> PlanAsync(CliContext context, PreparedBulk prepared, int concurrency)
    {
        // By uuid, resolved through the catalog the command read once; the tool names what a user's organization cannot hold.
        var desired = prepared.Users.ToDictionary(u => u.User, u => (IEnumerable<Guid>)u.Desired);
        var started = System.Diagnostics.Stopwatch.StartNew();
        long rateLimited = 0;
        try
        {
            PermissionChangePlan plan = await ProgressDisplay.RunAsync(
                context,
                "Planned",
                prepared.Users.Count,
                report => prepared.Connection.Users.PlanPermissionChangesAsync(
                    desired,
                    new CruxBulkOptions { MaxConcurrency = concurrency },
                    new InlineProgress(p =>
                    {
                        Volatile.Write(ref rateLimited, p.RateLimitedResponses);
                        report(p);
                    }),
                    context.Host.Stop)).ConfigureAwait(false);
            var planned = plan.Users.ToDictionary(u => u.UserUuid);
            var failed = plan.Failures.ToDictionary(f => f.UserUuid, f => f.Exception);
            UserOutcome[] outcomes = [.. prepared.Users.Select(u => planned.TryGetValue(u.User, out UserPermissionPlan? row)
                ? new UserOutcome(u, row.HasChanges ? UserStatus.Changed : UserStatus.Unchanged, PermissionChange.Planned(row), null)
                : new UserOutcome(u, UserStatus.Failed, null, InWords(prepared, failed.GetValueOrDefault(u.User))))];
            return new BulkReport(outcomes, started.Elapsed, Cancelled: false, Volatile.Read(ref rateLimited));
        }
        catch (CruxBulkCanceledException canceled)
        {
            return new BulkReport([.. prepared.Users.Select(u => new UserOutcome(u, UserStatus.NotStarted, null, null))], started.Elapsed, Cancelled: true, canceled.Progress.RateLimitedResponses);
        }
    }

    /// <summary>
    /// Sets every planned user on the SDK's bulk engine, with its
    /// <see cref="OrganizationUsersClient.ApplyPermissionChangesAsync(PermissionChangePlan, CruxBulkOptions?, IProgress{CruxBulkProgress}?, IProgress{CruxBulkOutcome{AppliedPermissionChange}}?, CancellationToken)"/>
    /// (read again, remove, then add; patient under 429). The first Ctrl+C or signal is the engine's stop token (no new user, those in
    /// flight finish, a PATCH after its DELETE included); the second is its cancellation token (those in flight are abandoned).
    /// Users the plan could not read are not tried again; they are reported as failed with the plan's error.
    /// </summary>
    /// <param name="context">The run.</param>
    /// <param name="prepared">The checked users, the connection and the catalog.</param>
    /// <param name="plan">The plan shown and confirmed: users it could not read are not tried again.</param>
    /// <param name="concurrency">How many users at a time, at most.</param>
    /// <param name="onDone">Told each finished user's outcome as soon as it is known (the audit log writes it then), one at a time;
    /// after a second signal, also each user abandoned in flight (failed).</param>
    public static async Task<BulkReport> ApplyAsync(CliContext context, PreparedBulk prepared, BulkReport plan, int concurrency, Action<UserOutcome>? onDone = null)
    {
        Dictionary<Guid, UserOutcome> planned = plan.Outcomes.ToDictionary(o => o.User.User);
        UserOutcome[] toApply = [.. plan.Outcomes.Where(o => o.Status != UserStatus.Failed)];
        var sdkPlan = new PermissionChangePlan(
            [.. toApply.Select(o => new UserPermissionPlan(o.User.User, prepared.Catalog.PermissionsOf(o.User.Desired), o.Change!.Remove, o.Change.Add, o.Change.Unchanged))],
            [],
            context.Host.Time.GetUtcNow());
        UserOutcome Done(CruxBulkOutcome<AppliedPermissionChange> outcome)
        {
            UserOutcome before = planned[outcome.UserUuid];
            if (outcome.Result is not { } applied)
            {
                return new UserOutcome(before.User, UserStatus.Failed, null, InWords(prepared, outcome.Exception));
            }

            PermissionChange change = PermissionChange.Done(applied.Result, before.Change);
            return new UserOutcome(before.User, change.IsChange ? UserStatus.Changed : UserStatus.Unchanged, change, null);
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        long rateLimited = 0;
        var options = new CruxBulkOptions { MaxConcurrency = concurrency, StopToken = context.Host.Stop };
        var done = new Dictionary<Guid, UserOutcome>();
        bool stopped;
        try
        {
            CruxBulkResult<AppliedPermissionChange> result = await ProgressDisplay.RunAsync(
                context,
                "Applied",
                toApply.Length,
                report => prepared.Connection.Users.ApplyPermissionChangesAsync(
                    sdkPlan,
                    options,
                    new InlineProgress(p =>
                    {
                        Volatile.Write(ref rateLimited, p.RateLimitedResponses);
                        report(p);
                    }),
                    new InlineProgress<CruxBulkOutcome<AppliedPermissionChange>>(o => onDone?.Invoke(Done(o))),
                    context.Host.Abort)).ConfigureAwait(false);
            foreach (CruxBulkOutcome<AppliedPermissionChange> outcome in result.Outcomes)
            {
                done[outcome.UserUuid] = Done(outcome);
            }

            rateLimited = result.RateLimitedResponses;

            // Every user had started when the stop came (or none came): the run is complete, but it was still asked to stop.
            stopped = context.Host.Stop.IsCancellationRequested;
        }
        catch (CruxBulkCanceledException canceled)
        {
            // Every user accounted for, typed by the engine: finished (with its outcome), not started, or abandoned in flight.
            foreach (CruxBulkOutcome<AppliedPermissionChange> outcome in canceled.GetCompletedOutcomes<AppliedPermissionChange>())
            {
                done[outcome.UserUuid] = Done(outcome);
            }

            foreach (Guid user in canceled.AbandonedUserUuids)
            {
                // In flight when the second signal came: it may be half-changed, so the audit log says it was tried.
                done[user] = new UserOutcome(planned[user].User, UserStatus.Failed, null, canceled);
                onDone?.Invoke(done[user]);
            }

            foreach (Guid user in canceled.NotStartedUserUuids)
            {
                done[user] = new UserOutcome(planned[user].User, UserStatus.NotStarted, null, null);
            }

            rateLimited = canceled.Progress.RateLimitedResponses;
            stopped = true;
        }

        return new BulkReport(
            [.. plan.Outcomes.Select(o => done.GetValueOrDefault(o.User.User) ?? o)],
            started.Elapsed,
            stopped,
            plan.RateLimited + rateLimited);
    }

    /// <summary>A permission the user's organization cannot hold, said with its name and the organization type.</summary>
    private static Exception? InWords(PreparedBulk prepared, Exception? exception) =>
        exception is CruxPermissionsNotAvailableException notAvailable && notAvailable.PermissionUuids.Count > 0
            ? new UsageException(string.Join(" ", notAvailable.PermissionUuids.Select(u => prepared.Catalog.Find(u.ToString("D"), out _) is { } p
                ? CatalogIndex.NotAvailableMessage(p)
                : $"the permission {u:D} is not available to this user's organization.")))
            : exception;
}
