using System.Net;

namespace Crux.Connect;

/// <summary>422 Unprocessable Entity: the action cannot be performed on the identifier provided.</summary>
public class CruxUnprocessableEntityException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxUnprocessableEntityException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 422 Unprocessable Entity; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxUnprocessableEntityException()
        : base(null, new CruxResponseDetails((HttpStatusCode)422))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxUnprocessableEntityException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 422 Unprocessable Entity; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxUnprocessableEntityException(string? message)
        : base(message, new CruxResponseDetails((HttpStatusCode)422))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxUnprocessableEntityException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 422 Unprocessable Entity; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxUnprocessableEntityException(string? message, Exception? innerException)
        : base(message, new CruxResponseDetails((HttpStatusCode)422), innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxUnprocessableEntityException"/> class from what the server answered.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">What the server answered; its <see cref="CruxResponseDetails.StatusCode"/> must be status 422.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="details"/> has another status.</exception>
    public CruxUnprocessableEntityException(string? message, CruxResponseDetails details, Exception? innerException = null)
        : base(message, details, innerException, static status => status == 422, "422")
    {
    }
}
