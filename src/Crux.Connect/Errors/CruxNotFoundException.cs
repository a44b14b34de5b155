using System.Net;

namespace Crux.Connect;

/// <summary>404 Not Found: the user (or another identifier in the path) does not exist or is not visible to the caller.</summary>
public class CruxNotFoundException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxNotFoundException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 404 Not Found; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxNotFoundException()
        : base(null, HttpStatusCode.NotFound)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxNotFoundException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 404 Not Found; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxNotFoundException(string? message)
        : base(message, HttpStatusCode.NotFound)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxNotFoundException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 404 Not Found; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxNotFoundException(string? message, Exception? innerException)
        : base(message, HttpStatusCode.NotFound, innerException: innerException)
    {
    }

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
