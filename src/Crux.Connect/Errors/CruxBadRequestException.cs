using System.Net;

namespace Crux.Connect;

/// <summary>400 Bad Request: something required is missing or malformed. <see cref="CruxApiException.FieldErrors"/> says what.</summary>
public class CruxBadRequestException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxBadRequestException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 400 Bad Request; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxBadRequestException()
        : base(null, new CruxResponseDetails(HttpStatusCode.BadRequest))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxBadRequestException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 400 Bad Request; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxBadRequestException(string? message)
        : base(message, new CruxResponseDetails(HttpStatusCode.BadRequest))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxBadRequestException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 400 Bad Request; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxBadRequestException(string? message, Exception? innerException)
        : base(message, new CruxResponseDetails(HttpStatusCode.BadRequest), innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxBadRequestException"/> class from what the server answered.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">What the server answered; its <see cref="CruxResponseDetails.StatusCode"/> must be status 400.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="details"/> has another status.</exception>
    public CruxBadRequestException(string? message, CruxResponseDetails details, Exception? innerException = null)
        : base(message, details, innerException, static status => status == 400, "400")
    {
    }
}
