namespace Crux.Connect.Internal;

/// <summary>Which retry budget a failure is counted on (see <see cref="CruxResilience.ShouldRetry"/>).</summary>
internal enum RetryKind
{
    /// <summary>Any transient failure outside a run's 429s: on <see cref="CruxRetryOptions.MaxRetries"/>, with exponential backoff.</summary>
    Ordinary,

    /// <summary>A 429 inside a bulk run (<see cref="RetryGroup"/>): on <see cref="CruxBulkOptions.MaxRateLimitRetries"/>, waiting for the run's pause.</summary>
    RateLimit,

    /// <summary>A 429 to the run's probe (see <see cref="RateLimitGate"/>): the run's question, on no one's budget.</summary>
    ProbeRateLimit,
}
