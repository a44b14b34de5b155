using System.Net;

namespace Crux.Connect;

/// <summary>404 Not Found: the user (or another identifier in the path) does not exist or is not visible to the caller.</summary>
public class CruxNotFoundException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxNotFoundException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 404 Not Found; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxNotFoundException()
        : base(null, new CruxResponseDetails(HttpStatusCode.NotFound))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxNotFoundException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 404 Not Found; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxNotFoundException(string? message)
        : base(message, new CruxResponseDetails(HttpStatusCode.NotFound))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxNotFoundException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 404 Not Found; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxNotFoundException(string? message, Exception? innerException)
        : base(message, new CruxResponseDetails(HttpStatusCode.NotFound), innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxNotFoundException"/> class from what the server answered.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">What the server answered; its <see cref="CruxResponseDetails.StatusCode"/> must be status 404.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="details"/> has another status.</exception>
    public CruxNotFoundException(string? message, CruxResponseDetails details, Exception? innerException = null)
        : base(message, details, innerException, static status => status == 404, "404")
    {
    }
}
