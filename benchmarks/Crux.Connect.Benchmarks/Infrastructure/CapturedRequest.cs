namespace Crux.Connect.Benchmarks.Infrastructure;

/// <summary>One request as the transport saw it.</summary>
/// <param name="Headers">Request and content headers as <c>name: value</c>, sorted, without Content-Length and Transfer-Encoding.</param>
/// <param name="ContentLength">The <c>Content-Length</c> the transport would send; null means a chunked body.</param>
internal sealed record CapturedRequest(
    string Method,
    string Uri,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    long? ContentLength,
    bool? TransferEncodingChunked);
