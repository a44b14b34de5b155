using System.Net;

namespace Crux.Connect;

/// <summary>409 "Critical": the requester is not of the correct organization type for the action (for example a retailer calling a supplier-only operation).</summary>
public class CruxOrganizationTypeException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxOrganizationTypeException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 409 Conflict; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxOrganizationTypeException()
        : base(null, HttpStatusCode.Conflict)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxOrganizationTypeException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 409 Conflict; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxOrganizationTypeException(string? message)
        : base(message, HttpStatusCode.Conflict)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxOrganizationTypeException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 409 Conflict; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxOrganizationTypeException(string? message, Exception? innerException)
        : base(message, HttpStatusCode.Conflict, innerException: innerException)
    {
    }

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
