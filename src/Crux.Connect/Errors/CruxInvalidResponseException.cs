using System.Net;

namespace Crux.Connect;

/// <summary>
/// The server answered with a success status but a body the SDK could not read: not JSON, not the
/// documented shape, or larger than the SDK is willing to read into memory. Not retried. A change (DELETE or PATCH)
/// answered with a body that is not Crux's (a WAF's or login page, anything but nothing or one JSON object, an error
/// shape such as <c>{"detail": ...}</c>) raises it too, and is never reported done; so does a read that says one thing
/// twice (a key twice in one object, one permission twice with another <c>assigned</c>).
/// </summary>
public class CruxInvalidResponseException : CruxException
{
    /// <summary>Initializes a new instance of the <see cref="CruxInvalidResponseException"/> class with a default message.</summary>
    /// <remarks><see cref="StatusCode"/> is 0 (no status known) and <see cref="ResponseBody"/> is <see langword="null"/>.</remarks>
    public CruxInvalidResponseException()
        : this(null, default(HttpStatusCode))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxInvalidResponseException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="StatusCode"/> is 0 (no status known) and <see cref="ResponseBody"/> is <see langword="null"/>.</remarks>
    public CruxInvalidResponseException(string? message)
        : this(message, default(HttpStatusCode))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxInvalidResponseException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="StatusCode"/> is 0 (no status known) and <see cref="ResponseBody"/> is <see langword="null"/>.</remarks>
    public CruxInvalidResponseException(string? message, Exception? innerException)
        : this(message, default(HttpStatusCode), innerException: innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxInvalidResponseException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The status the server answered.</param>
    /// <param name="responseBody">The raw response body, cut to a bounded length, if any.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    public CruxInvalidResponseException(
        string? message, HttpStatusCode statusCode, string? responseBody = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    /// <summary>Gets the status the server answered.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the raw response body, cut to a bounded length, if any.</summary>
    public string? ResponseBody { get; }
}
