namespace Crux.Connect;

/// <summary>Where a bulk operation stands: reported after each user is done, in order (the counts never go down).</summary>
public sealed class CruxBulkProgress
{
    /// <summary>Initializes a new instance of the <see cref="CruxBulkProgress"/> class (for tests and mocks).</summary>
    /// <param name="total">How many distinct users the operation covers.</param>
    /// <param name="succeeded">How many users were changed.</param>
    /// <param name="failed">How many users failed for good.</param>
    /// <param name="rateLimitedResponses">How many 429 answers were seen so far.</param>
    public CruxBulkProgress(int total, int succeeded, int failed, int rateLimitedResponses)
    {
        Total = total;
        Succeeded = succeeded;
        Failed = failed;
        RateLimitedResponses = rateLimitedResponses;
    }

    /// <summary>Gets how many distinct users the operation covers.</summary>
    public int Total { get; }

    /// <summary>Gets how many users were changed.</summary>
    public int Succeeded { get; }

    /// <summary>Gets how many users failed for good (their outcome holds the exception).</summary>
    public int Failed { get; }

    /// <summary>Gets how many users are done either way: <see cref="Succeeded"/> + <see cref="Failed"/>.</summary>
    public int Completed => Succeeded + Failed;

    /// <summary>Gets how many 429 (Too Many Requests) answers were seen so far; each paused every worker.</summary>
    public int RateLimitedResponses { get; }

    /// <summary>Describes the progress, e.g. <c>1200/10000 done, 3 failed, 8 rate-limited answers</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => $"{Completed}/{Total} done, {Failed} failed, {RateLimitedResponses} rate-limited answers";
}
