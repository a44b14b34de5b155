using System.Net;

namespace Crux.Connect;

/// <summary>The server failed (5xx). 500, 502, 503 and 504 are retried before this is raised.</summary>
public class CruxServerException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxServerException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 500 Internal Server Error; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxServerException()
        : base(null, new CruxResponseDetails(HttpStatusCode.InternalServerError))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxServerException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 500 Internal Server Error; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxServerException(string? message)
        : base(message, new CruxResponseDetails(HttpStatusCode.InternalServerError))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxServerException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 500 Internal Server Error; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxServerException(string? message, Exception? innerException)
        : base(message, new CruxResponseDetails(HttpStatusCode.InternalServerError), innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxServerException"/> class from what the server answered.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">What the server answered; its <see cref="CruxResponseDetails.StatusCode"/> must be a 5xx status.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="details"/> has another status.</exception>
    public CruxServerException(string? message, CruxResponseDetails details, Exception? innerException = null)
        : base(message, details, innerException, static status => status is >= 500 and <= 599, "a 5xx status")
    {
    }
}
