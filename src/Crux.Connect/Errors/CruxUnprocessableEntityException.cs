using System.Net;

namespace Crux.Connect;

/// <summary>422 Unprocessable Entity: the action cannot be performed on the identifier provided.</summary>
public class CruxUnprocessableEntityException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxUnprocessableEntityException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="detail">The <c>detail</c> of the error body, if any.</param>
    /// <param name="fieldErrors">The field errors of the error body, if any.</param>
    /// <param name="responseBody">The raw response body, cut to a bounded length, if any.</param>
    /// <param name="requestId">The server's request id, if it sent one.</param>
    public CruxUnprocessableEntityException(
        string? message,
        string? detail = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null,
        string? responseBody = null,
        string? requestId = null)
        : base(message, (HttpStatusCode)422, detail, fieldErrors, responseBody, requestId)
    {
    }
}
