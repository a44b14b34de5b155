using System.Globalization;
using System.Net;
using System.Text;
using Crux.Connect.Testing.Internal;

namespace Crux.Connect.Testing;

public sealed partial class CruxSimulator
{
    private readonly long[] _statusCounts = new long[600];
    private long _received;
    private long _served;

    /// <summary>Gets how many requests reached the simulator through either door, faulted ones included.</summary>
    public long RequestsReceived => Interlocked.Read(ref _received);

    /// <summary>Gets how many requests the API rules answered (not faulted, not rate-limited).</summary>
    public long RequestsServed => Interlocked.Read(ref _served);

    /// <summary>Gets how many answers had a status so far, whatever produced them (rules, faults or the rate limiter).</summary>
    /// <param name="status">The status, e.g. 429.</param>
    /// <returns>The count since the simulator was built.</returns>
    public long ResponseCount(HttpStatusCode status) =>
        (int)status is >= 0 and < 600 ? Interlocked.Read(ref _statusCounts[(int)status]) : 0;

    /// <summary>The one path both doors take: faults, then the rate limit, then the rules; every request is logged.</summary>
    internal async Task<SimResponse> ProcessAsync(SimRequest request, CancellationToken cancellationToken)
    {
        var timestamp = TimeProvider.GetUtcNow();
        Interlocked.Increment(ref _received);
        var plan = Faults.Next();
        var delay = Faults.Latency + plan.Delay;
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        var response = Answer(request, plan);
        if (!response.Dropped)
        {
            response.WithHeader("X-Request-Id", Guid.NewGuid().ToString("N"));
            Interlocked.Increment(ref _statusCounts[Math.Clamp((int)response.Status, 0, 599)]);
        }

        Requests.Add(Record(request, timestamp, response, plan.Kind));
        return response;
    }

    private static SimResponse FaultResponse(FaultPlan plan)
    {
        var body = Encoding.UTF8.GetBytes(plan.Body ?? string.Empty);
        var trimmed = (plan.Body ?? string.Empty).TrimStart();
        var contentType = trimmed.StartsWith('{') || trimmed.StartsWith('[') ? SimResponse.JsonContentType : "text/html; charset=utf-8";
        var response = new SimResponse(plan.Status, body, contentType);
        if (plan.RetryAt is { } retryAt)
        {
            return response.WithHeader("Retry-After", retryAt.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture));
        }

        return plan.RetryAfter is { } retryAfter ? response.WithHeader("Retry-After", Seconds(retryAfter)) : response;
    }

    private static string Seconds(TimeSpan value) =>
        ((long)Math.Ceiling(value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static RecordedRequest Record(SimRequest request, DateTimeOffset timestamp, SimResponse response, CruxFaultKind? fault)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            var kept = string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase) ? Redact(value) : value;
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {kept}" : kept;
        }

        string? requestId = null;
        foreach (var (name, value) in response.Headers)
        {
            if (name == "X-Request-Id")
            {
                requestId = value;
            }
        }

        return new RecordedRequest(
            timestamp, request.Transport, request.Method, request.Path, request.Query, headers, request.Body,
            request.ContentLength, request.Chunked, response.Dropped ? null : response.Status, fault, requestId);
    }

    /// <summary>Keeps the scheme, so a test can see <c>Token</c> was used, and never the credential.</summary>
    private static string Redact(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? RecordedRequest.Redacted : $"{value.Substring(0, space)} {RecordedRequest.Redacted}";
    }

    private SimResponse Answer(SimRequest request, FaultPlan plan)
    {
        if (plan.Kind == CruxFaultKind.Drop)
        {
            return SimResponse.Drop;
        }

        if (plan.Answers)
        {
            return FaultResponse(plan);
        }

        if (Faults.TryAcquirePermit() is { } wait)
        {
            var seconds = Seconds(wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait);
            return WireJson.Detail(HttpStatusCode.TooManyRequests, $"Request was throttled. Expected available in {seconds} seconds.")
                .WithHeader("Retry-After", seconds);
        }

        Interlocked.Increment(ref _served);
        return _engine.Handle(request);
    }
}
