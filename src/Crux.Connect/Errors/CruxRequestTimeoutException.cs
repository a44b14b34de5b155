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
        : base(null, new CruxResponseDetails(HttpStatusCode.RequestTimeout))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxRequestTimeoutException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 408 Request Timeout; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxRequestTimeoutException(string? message)
        : base(message, new CruxResponseDetails(HttpStatusCode.RequestTimeout))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxRequestTimeoutException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 408 Request Timeout; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxRequestTimeoutException(string? message, Exception? innerException)
        : base(message, new CruxResponseDetails(HttpStatusCode.RequestTimeout), innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxRequestTimeoutException"/> class from what the server answered.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">What the server answered; its <see cref="CruxResponseDetails.StatusCode"/> must be status 408.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="details"/> has another status.</exception>
    public CruxRequestTimeoutException(string? message, CruxResponseDetails details, Exception? innerException = null)
        : base(message, details, innerException, static status => status == 408, "408")
    {
    }
}
