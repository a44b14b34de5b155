namespace Crux.Connect;

/// <summary>
/// Settings of one bulk operation, such as
/// <see cref="OrganizationUsersClient.RemovePermissionsFromUsersAsync(IEnumerable{Guid}, IEnumerable{string}, CruxBulkOptions?, IProgress{CruxBulkProgress}?, CancellationToken)"/>.
/// Read once when the operation starts.
/// </summary>
public sealed class CruxBulkOptions
{
    /// <summary>The default of <see cref="MaxConcurrency"/>: 4.</summary>
    public const int DefaultMaxConcurrency = 4;

    /// <summary>The largest <see cref="MaxConcurrency"/> accepted: 64.</summary>
    public const int MaxConcurrencyLimit = 64;

    /// <summary>The default of <see cref="MaxRateLimitRetries"/>: 10.</summary>
    public const int DefaultMaxRateLimitRetries = 10;

    /// <summary>
    /// Gets or sets how many users are changed at the same time, at most, from 1 to <see cref="MaxConcurrencyLimit"/>. Under a rate
    /// limit the run adapts below it: each new 429 pause halves the users in flight (down to 1), and each user finished outside a
    /// pause grows it back by 1/limit, so by about one per round.
    /// </summary>
    /// <value>The default value is 4.</value>
    public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

    /// <summary>
    /// Gets or sets how many times one user's change is tried again after a 429 (Too Many Requests), from 0 to 1,000.
    /// These tries come on top of <see cref="CruxRetryOptions.MaxRetries"/>, which governs every other transient failure:
    /// a 429 during a long bulk run says "slow down", not "this request is broken". Every 429 pauses every worker.
    /// </summary>
    /// <value>The default value is 10.</value>
    public int MaxRateLimitRetries { get; set; } = DefaultMaxRateLimitRetries;

    /// <summary>
    /// Gets or sets a token that stops the run gracefully: once it is cancelled no new user is started, and the users in
    /// flight finish (a set whose DELETE went out still sends its PATCH). If users were left unstarted, the run raises
    /// <see cref="CruxBulkCanceledException"/> with <see cref="CruxBulkCanceledException.StopRequested"/> set, the finished users'
    /// outcomes and <see cref="CruxBulkCanceledException.NotStartedUserUuids"/>; if every user had started, the run returns its
    /// result as usual. The cancellation token of the call keeps its meaning: it abandons the users in flight.
    /// </summary>
    /// <value>The default value is <see cref="CancellationToken.None"/>: the run is never stopped this way.</value>
    public CancellationToken StopToken { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"MaxConcurrency = {MaxConcurrency}, MaxRateLimitRetries = {MaxRateLimitRetries}, StopToken = {(StopToken.CanBeCanceled ? "set" : "none")}";
}
