namespace Crux.Connect.Testing;

/// <summary>The kinds of fault a <see cref="CruxFaultInjector"/> injects and counts.</summary>
public enum CruxFaultKind
{
    /// <summary>An answer with the status chosen in <see cref="CruxFaultInjector.FailNext(int, System.Net.HttpStatusCode, TimeSpan?, string?)"/>.</summary>
    Status,

    /// <summary>503 Service Unavailable (a random fault).</summary>
    ServiceUnavailable,

    /// <summary>429 Too Many Requests with a <c>Retry-After</c> header (a random fault).</summary>
    TooManyRequests,

    /// <summary>The connection is dropped with no answer.</summary>
    Drop,

    /// <summary>The answer is delayed, then given normally.</summary>
    Stall,
}
