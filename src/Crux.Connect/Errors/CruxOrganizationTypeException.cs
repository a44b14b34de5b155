using System.Net;

namespace Crux.Connect;

/// <summary>409 "Critical": the requester is not of the correct organization type for the action (for example a retailer calling a supplier-only operation).</summary>
public class CruxOrganizationTypeException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxOrganizationTypeException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="detail">The <c>detail</c> of the error body, if any.</param>
    /// <param name="fieldErrors">The field errors of the error body, if any.</param>
    /// <param name="responseBody">The raw response body, cut to a bounded length, if any.</param>
    /// <param name="requestId">The server's request id, if it sent one.</param>
    public CruxOrganizationTypeException(
        string? message,
        string? detail = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null,
        string? responseBody = null,
        string? requestId = null)
        : base(message, HttpStatusCode.Conflict, detail, fieldErrors, responseBody, requestId)
    {
    }
}
