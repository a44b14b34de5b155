using System.Net;

namespace Crux.Connect;

/// <summary>The server failed (5xx). 500, 502, 503 and 504 are retried before this is raised.</summary>
public class CruxServerException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxServerException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 500 Internal Server Error; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxServerException()
        : base(null, HttpStatusCode.InternalServerError)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxServerException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 500 Internal Server Error; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxServerException(string? message)
        : base(message, HttpStatusCode.InternalServerError)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxServerException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 500 Internal Server Error; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxServerException(string? message, Exception? innerException)
        : base(message, HttpStatusCode.InternalServerError, innerException: innerException)
    {
    }

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
