using System.Net;

namespace Crux.Connect;

/// <summary>401 Unauthorized: the token (or the credentials) is missing or incorrect.</summary>
public class CruxAuthenticationException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxAuthenticationException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 401 Unauthorized; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxAuthenticationException()
        : base(null, HttpStatusCode.Unauthorized)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxAuthenticationException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 401 Unauthorized; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxAuthenticationException(string? message)
        : base(message, HttpStatusCode.Unauthorized)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxAuthenticationException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 401 Unauthorized; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxAuthenticationException(string? message, Exception? innerException)
        : base(message, HttpStatusCode.Unauthorized, innerException: innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxAuthenticationException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="detail">The <c>detail</c> of the error body, if any.</param>
    /// <param name="fieldErrors">The field errors of the error body, if any.</param>
    /// <param name="responseBody">The raw response body, cut to a bounded length, if any.</param>
    /// <param name="requestId">The server's request id, if it sent one.</param>
    public CruxAuthenticationException(
        string? message,
        string? detail = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null,
        string? responseBody = null,
        string? requestId = null)
        : base(message, HttpStatusCode.Unauthorized, detail, fieldErrors, responseBody, requestId)
    {
    }
}
