using System.Net;

namespace Crux.Connect;

/// <summary>404 Not Found: the user (or another identifier in the path) does not exist or is not visible to the caller.</summary>
public class CruxNotFoundException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxNotFoundException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="detail">The <c>detail</c> of the error body, if any.</param>
    /// <param name="fieldErrors">The field errors of the error body, if any.</param>
    /// <param name="responseBody">The raw response body, cut to a bounded length, if any.</param>
    /// <param name="requestId">The server's request id, if it sent one.</param>
    public CruxNotFoundException(
        string? message,
        string? detail = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null,
        string? responseBody = null,
        string? requestId = null)
        : base(message, HttpStatusCode.NotFound, detail, fieldErrors, responseBody, requestId)
    {
    }
}
