using System.Net;

namespace Crux.Connect.Testing.Internal;

/// <summary>What the fault injector decided for one request. A stall only delays; the request is then answered normally.</summary>
internal readonly record struct FaultPlan(CruxFaultKind? Kind, HttpStatusCode Status, TimeSpan? RetryAfter, string? Body, TimeSpan Delay)
{
    /// <summary>When set, <c>Retry-After</c> is sent as this HTTP date instead of seconds.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    public static FaultPlan None => default;

    public bool Answers => Kind is CruxFaultKind.Status or CruxFaultKind.ServiceUnavailable or CruxFaultKind.TooManyRequests;
}
