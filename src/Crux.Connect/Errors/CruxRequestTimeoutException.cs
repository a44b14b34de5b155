using System.Net;

namespace Crux.Connect;

/// <summary>
/// 408 Request Timeout: the server (or a proxy in front of it) gave up waiting for the request. Transient: it is retried
/// like a 503 before this is raised. Not the SDK's own timeout, which is <see cref="CruxTimeoutException"/>.
/// </summary>
public class CruxRequestTimeoutException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxRequestTimeoutException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="detail">The <c>detail</c> of the error body, if any.</param>
    /// <param name="fieldErrors">The field errors of the error body, if any.</param>
    /// <param name="responseBody">The raw response body, cut to a bounded length, if any.</param>
    /// <param name="requestId">The server's request id, if it sent one.</param>
    public CruxRequestTimeoutException(
        string? message,
        string? detail = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null,
        string? responseBody = null,
        string? requestId = null)
        : base(message, HttpStatusCode.RequestTimeout, detail, fieldErrors, responseBody, requestId)
    {
    }
}
