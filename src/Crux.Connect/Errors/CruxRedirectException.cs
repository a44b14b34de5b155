using System.Net;

namespace Crux.Connect;

/// <summary>
/// The server answered a redirect (any 3xx), or the <see cref="HttpClient"/> followed one, and the SDK refused it.
/// Crux Connect's paths are exact, so a redirect means a misconfigured <see cref="CruxClientOptions.BaseAddress"/>, a proxy
/// in the way, or someone trying to obtain a credential or fake a success. The SDK never follows a redirect, never
/// treats one as success, never retries it and never logs in again because of it. Nothing of the request (token, body)
/// is in the message; <see cref="Location"/> names where it pointed, without its query.
/// </summary>
public class CruxRedirectException : CruxException
{
    /// <summary>Initializes a new instance of the <see cref="CruxRedirectException"/> class with a default message.</summary>
    /// <remarks><see cref="StatusCode"/> is 0 (no status known) and <see cref="Location"/> is <see langword="null"/>.</remarks>
    public CruxRedirectException()
        : this(null, new CruxResponseDetails(default))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxRedirectException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="StatusCode"/> is 0 (no status known) and <see cref="Location"/> is <see langword="null"/>.</remarks>
    public CruxRedirectException(string? message)
        : this(message, new CruxResponseDetails(default))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxRedirectException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="StatusCode"/> is 0 (no status known) and <see cref="Location"/> is <see langword="null"/>.</remarks>
    public CruxRedirectException(string? message, Exception? innerException)
        : this(message, new CruxResponseDetails(default), innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxRedirectException"/> class from what the server answered.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">
    /// What the server answered: the status (the 3xx, or the status of the answer from where the redirect led) and
    /// <see cref="CruxResponseDetails.Location"/> (scheme, host, port and path only), if known.
    /// </param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    public CruxRedirectException(string? message, CruxResponseDetails details, Exception? innerException = null)
        : base(message, innerException)
    {
        Details = details ?? throw new ArgumentNullException(nameof(details));
    }

    /// <summary>Gets what the server answered (never <see langword="null"/>).</summary>
    public CruxResponseDetails Details { get; }

    /// <summary>Gets the status of the answer that was refused (<see cref="CruxResponseDetails.StatusCode"/>).</summary>
    public HttpStatusCode StatusCode => Details.StatusCode;

    /// <summary>Gets where the redirect pointed (scheme, host, port and path; never the query), if the server said (<see cref="CruxResponseDetails.Location"/>).</summary>
    public string? Location => Details.Location;
}
