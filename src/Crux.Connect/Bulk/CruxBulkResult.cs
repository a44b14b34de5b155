namespace Crux.Connect;

/// <summary>The outcome of a bulk operation: one <see cref="CruxBulkOutcome{TResult}"/> per distinct user, and the figures of the run.</summary>
/// <typeparam name="TResult">The result type of the single-user operation, e.g. <see cref="RemovePermissionsResult"/>.</typeparam>
public sealed class CruxBulkResult<TResult>
    where TResult : class
{
    /// <summary>Initializes a new instance of the <see cref="CruxBulkResult{TResult}"/> class (for tests and mocks).</summary>
    /// <param name="outcomes">One outcome per distinct user, in the order the users were given.</param>
    /// <param name="rateLimitedResponses">How many 429 answers were seen.</param>
    /// <param name="rateLimitPauses">How many times every worker paused together.</param>
    /// <param name="retries">How many times a user's change was tried again (after a 429 or another transient failure).</param>
    /// <param name="elapsed">How long the operation took.</param>
    /// <exception cref="ArgumentNullException"><paramref name="outcomes"/> is <see langword="null"/>.</exception>
    public CruxBulkResult(IReadOnlyList<CruxBulkOutcome<TResult>> outcomes, int rateLimitedResponses, int rateLimitPauses, int retries, TimeSpan elapsed)
    {
        Outcomes = outcomes ?? throw new ArgumentNullException(nameof(outcomes));
        var failures = new List<CruxBulkOutcome<TResult>>();
        foreach (CruxBulkOutcome<TResult> outcome in outcomes)
        {
            if (!outcome.IsSuccess)
            {
                failures.Add(outcome);
            }
        }

        Failures = failures;
        RateLimitedResponses = rateLimitedResponses;
        RateLimitPauses = rateLimitPauses;
        Retries = retries;
        Elapsed = elapsed;
    }

    /// <summary>Gets one outcome per distinct user, in the order the users were given.</summary>
    public IReadOnlyList<CruxBulkOutcome<TResult>> Outcomes { get; }

    /// <summary>Gets the outcomes that failed, in the order the users were given.</summary>
    public IReadOnlyList<CruxBulkOutcome<TResult>> Failures { get; }

    /// <summary>Gets how many users were changed.</summary>
    public int Succeeded => Outcomes.Count - Failures.Count;

    /// <summary>Gets how many users failed.</summary>
    public int Failed => Failures.Count;

    /// <summary>Gets how many 429 (Too Many Requests) answers were seen.</summary>
    public int RateLimitedResponses { get; }

    /// <summary>Gets how many times every worker paused together because of a 429.</summary>
    public int RateLimitPauses { get; }

    /// <summary>Gets how many times a user's change was tried again (after a 429 or another transient failure).</summary>
    public int Retries { get; }

    /// <summary>Gets how long the operation took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// Gets the exception the progress handler threw, if it did. The handler is not called again after it throws, but the
    /// operation goes on and every user still has its outcome.
    /// </summary>
    public Exception? ProgressException { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Outcomes.Count} users: {Succeeded} succeeded, {Failed} failed; {RateLimitedResponses} rate-limited answers, {RateLimitPauses} pauses, {Retries} retries, in {Elapsed}";
}
