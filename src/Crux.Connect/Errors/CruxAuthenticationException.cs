using System.Net;

namespace Crux.Connect;

/// <summary>401 Unauthorized: the token (or the credentials) is missing or incorrect.</summary>
public class CruxAuthenticationException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxAuthenticationException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 401 Unauthorized; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxAuthenticationException()
        : base(null, new CruxResponseDetails(HttpStatusCode.Unauthorized))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxAuthenticationException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 401 Unauthorized; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxAuthenticationException(string? message)
        : base(message, new CruxResponseDetails(HttpStatusCode.Unauthorized))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxAuthenticationException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 401 Unauthorized; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxAuthenticationException(string? message, Exception? innerException)
        : base(message, new CruxResponseDetails(HttpStatusCode.Unauthorized), innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxAuthenticationException"/> class from what the server answered.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">What the server answered; its <see cref="CruxResponseDetails.StatusCode"/> must be status 401.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="details"/> has another status.</exception>
    public CruxAuthenticationException(string? message, CruxResponseDetails details, Exception? innerException = null)
        : base(message, details, innerException, static status => status == 401, "401")
    {
    }
}
