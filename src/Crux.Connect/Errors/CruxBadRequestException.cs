using System.Net;

namespace Crux.Connect;

/// <summary>400 Bad Request: something required is missing or malformed. <see cref="CruxApiException.FieldErrors"/> says what.</summary>
public class CruxBadRequestException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxBadRequestException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 400 Bad Request; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxBadRequestException()
        : base(null, HttpStatusCode.BadRequest)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxBadRequestException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 400 Bad Request; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxBadRequestException(string? message)
        : base(message, HttpStatusCode.BadRequest)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxBadRequestException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 400 Bad Request; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxBadRequestException(string? message, Exception? innerException)
        : base(message, HttpStatusCode.BadRequest, innerException: innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxBadRequestException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="detail">The <c>detail</c> of the error body, if any.</param>
    /// <param name="fieldErrors">The field errors of the error body, if any.</param>
    /// <param name="responseBody">The raw response body, cut to a bounded length, if any.</param>
    /// <param name="requestId">The server's request id, if it sent one.</param>
    public CruxBadRequestException(
        string? message,
        string? detail = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null,
        string? responseBody = null,
        string? requestId = null)
        : base(message, HttpStatusCode.BadRequest, detail, fieldErrors, responseBody, requestId)
    {
    }
}
