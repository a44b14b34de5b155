using System.Net;

namespace Crux.Connect;

/// <summary>
/// 408 Request Timeout: the server (or a proxy in front of it) gave up waiting for the request. Transient: it is retried
/// like a 503 before this is raised. Not the SDK's own timeout, which is <see cref="CruxTimeoutException"/>.
/// </summary>
public class CruxRequestTimeoutException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxRequestTimeoutException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 408 Request Timeout; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxRequestTimeoutException()
        : base(null, HttpStatusCode.RequestTimeout)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxRequestTimeoutException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 408 Request Timeout; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxRequestTimeoutException(string? message)
        : base(message, HttpStatusCode.RequestTimeout)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxRequestTimeoutException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 408 Request Timeout; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxRequestTimeoutException(string? message, Exception? innerException)
        : base(message, HttpStatusCode.RequestTimeout, innerException: innerException)
    {
    }

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
