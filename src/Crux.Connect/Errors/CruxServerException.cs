using System.Net;

namespace Crux.Connect;

/// <summary>The server failed (5xx). 500, 502, 503 and 504 are retried before this is raised.</summary>
public class CruxServerException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxServerException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The 5xx status the server answered.</param>
    /// <param name="detail">The <c>detail</c> of the error body, if any.</param>
    /// <param name="fieldErrors">The field errors of the error body, if any.</param>
    /// <param name="responseBody">The raw response body, cut to a bounded length, if any.</param>
    /// <param name="requestId">The server's request id, if it sent one.</param>
    public CruxServerException(
        string? message,
        HttpStatusCode statusCode,
        string? detail = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null,
        string? responseBody = null,
        string? requestId = null)
        : base(message, statusCode, detail, fieldErrors, responseBody, requestId)
    {
    }
}
