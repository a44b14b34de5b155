using System.Diagnostics;
using Crux.Connect.Cli.Commands.Bulk;

namespace Crux.Connect.Cli.Changes;

/// <summary>
/// Runs one step (plan or set) for every user of a file, a few at a time. Ctrl+C (<c>stop</c>) starts no new user and
/// lets the ones in flight finish, so every user ends changed, unchanged, failed, or not started, never half-known; a
/// second Ctrl+C (<c>abort</c>) cancels the ones in flight too. A failure never stops the others.
/// </summary>
internal static class BulkRun
{
    public const int DefaultConcurrency = 4;

    public const int MaxConcurrency = 64;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Whatever ends one user's step is that user's failure in the report, never the whole run's.")]
    public static async Task<BulkReport> RunAsync(
        IReadOnlyList<DesiredUser> users,
        Func<DesiredUser, CancellationToken, Task<PermissionChange>> step,
        int concurrency,
        Action<UserOutcome>? onDone,
        CancellationToken stop,
        CancellationToken abort)
    {
        var outcomes = new UserOutcome?[users.Count];
        int next = -1;
        var stopwatch = Stopwatch.StartNew();

        async Task WorkAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                int index = Interlocked.Increment(ref next);
                if (index >= users.Count)
                {
                    return;
                }

                DesiredUser user = users[index];
                UserOutcome outcome;
                try
                {
                    PermissionChange change = await step(user, abort).ConfigureAwait(false);
                    outcome = new UserOutcome(user, change.IsChange ? UserStatus.Changed : UserStatus.Unchanged, change, null);
                }
                catch (Exception exception)
                {
                    // Whatever ended this user's step is this user's failure, never the run's: the SDK's typed errors, and an
                    // abandoned call (second Ctrl+C), which may or may not have reached the server; running the file again settles it.
                    outcome = new UserOutcome(user, UserStatus.Failed, null, exception);
                }

                outcomes[index] = outcome;
                onDone?.Invoke(outcome);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Clamp(concurrency, 1, users.Count)).Select(_ => Task.Run(WorkAsync, CancellationToken.None))).ConfigureAwait(false);
        stopwatch.Stop();

        UserOutcome[] all = [.. users.Select((user, i) => outcomes[i] ?? new UserOutcome(user, UserStatus.NotStarted, null, null))];
        return new BulkReport(all, stopwatch.Elapsed, stop.IsCancellationRequested);
    }
}
