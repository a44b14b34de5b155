namespace Crux.Connect.Cli.Changes;

/// <summary>Every user's outcome, in the file's order, and the figures of the run: its time, whether it was stopped, and the
/// 429 (Too Many Requests) answers the SDK's bulk engine absorbed (plan and apply together).</summary>
internal sealed record BulkReport(IReadOnlyList<UserOutcome> Outcomes, TimeSpan Elapsed, bool Cancelled, long RateLimited = 0)
{
    public int Count(UserStatus status) => Outcomes.Count(o => o.Status == status);

    public IEnumerable<UserOutcome> Left => Outcomes.Where(o => o.Status is UserStatus.Failed or UserStatus.NotStarted);
}
