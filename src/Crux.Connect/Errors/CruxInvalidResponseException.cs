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
        : this(null, new CruxResponseDetails(default))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxInvalidResponseException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="StatusCode"/> is 0 (no status known) and <see cref="ResponseBody"/> is <see langword="null"/>.</remarks>
    public CruxInvalidResponseException(string? message)
        : this(message, new CruxResponseDetails(default))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxInvalidResponseException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="StatusCode"/> is 0 (no status known) and <see cref="ResponseBody"/> is <see langword="null"/>.</remarks>
    public CruxInvalidResponseException(string? message, Exception? innerException)
        : this(message, new CruxResponseDetails(default), innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxInvalidResponseException"/> class from what the server answered.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">What the server answered (status, request id, the body cut to a bounded length, …).</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    public CruxInvalidResponseException(string? message, CruxResponseDetails details, Exception? innerException = null)
        : base(message, innerException)
    {
        Details = details ?? throw new ArgumentNullException(nameof(details));
    }

    /// <summary>Gets what the server answered (never <see langword="null"/>).</summary>
    public CruxResponseDetails Details { get; }

    /// <summary>Gets the status the server answered (<see cref="CruxResponseDetails.StatusCode"/>).</summary>
    public HttpStatusCode StatusCode => Details.StatusCode;

    /// <summary>Gets the raw response body, cut to a bounded length, if any (<see cref="CruxResponseDetails.ResponseBody"/>).</summary>
    public string? ResponseBody => Details.ResponseBody;
}
