using System.Net;
using System.Text;

namespace Crux.Connect.Testing;

/// <summary>One request as the simulator received it, with the answer it gave.</summary>
public sealed class RecordedRequest
{
    /// <summary>The value that replaces the credential of an <c>Authorization</c> header in <see cref="Headers"/>.</summary>
    public const string Redacted = "[REDACTED]";

    internal RecordedRequest(
        DateTimeOffset timestamp,
        string transport,
        string method,
        string path,
        string query,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        long? contentLength,
        bool chunked,
        HttpStatusCode? responseStatus,
        CruxFaultKind? fault,
        string? requestId)
    {
        Timestamp = timestamp;
        Transport = transport;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
        Body = body;
        ContentLength = contentLength;
        IsChunked = chunked;
        ResponseStatus = responseStatus;
        Fault = fault;
        RequestId = requestId;
    }

    /// <summary>Gets when the request arrived, read from <see cref="CruxSimulatorOptions.TimeProvider"/>.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the front door it came through: <c>"memory"</c> or <c>"http"</c>.</summary>
    public string Transport { get; }

    /// <summary>Gets the HTTP method, e.g. <c>DELETE</c>.</summary>
    public string Method { get; }

    /// <summary>Gets the path, e.g. <c>/organizations/users/permissions/{uuid}/</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the query string without the leading <c>?</c>, or the empty string.</summary>
    public string Query { get; }

    /// <summary>Gets the request headers (case-insensitive names; repeated values joined with <c>", "</c>).
    /// The <c>Authorization</c> credential is replaced by <see cref="Redacted"/> and its scheme kept
    /// (<c>"Token [REDACTED]"</c>), so a test can check the scheme without a log ever holding a token.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Gets the raw body bytes (empty when there was none).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the body decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>Gets the <c>Content-Length</c> the client declared, or <see langword="null"/> when it sent none.</summary>
    public long? ContentLength { get; }

    /// <summary>Gets whether the body was sent with <c>Transfer-Encoding: chunked</c> (in memory: content of unknown length,
    /// which a socket handler would have chunked).</summary>
    public bool IsChunked { get; }

    /// <summary>Gets the status answered, or <see langword="null"/> when the connection was dropped.</summary>
    public HttpStatusCode? ResponseStatus { get; }

    /// <summary>Gets the fault injected into this request, if any (a rate-limit 429 is not a fault; see <see cref="CruxFaultInjector.RateLimitedCount"/>).</summary>
    public CruxFaultKind? Fault { get; }

    /// <summary>Gets the <c>X-Request-Id</c> answered, or <see langword="null"/> when the connection was dropped.</summary>
    public string? RequestId { get; }

    /// <summary>Gets a header's value, or <see langword="null"/>.</summary>
    /// <param name="name">The header name, any case.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path} -> {(ResponseStatus is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "dropped")}";
}
