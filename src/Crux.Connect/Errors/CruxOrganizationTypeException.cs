using System.Net;

namespace Crux.Connect;

/// <summary>409 "Critical": the requester is not of the correct organization type for the action (for example a retailer calling a supplier-only operation).</summary>
public class CruxOrganizationTypeException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxOrganizationTypeException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 409 Conflict; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxOrganizationTypeException()
        : base(null, new CruxResponseDetails(HttpStatusCode.Conflict))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxOrganizationTypeException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 409 Conflict; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxOrganizationTypeException(string? message)
        : base(message, new CruxResponseDetails(HttpStatusCode.Conflict))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxOrganizationTypeException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 409 Conflict; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxOrganizationTypeException(string? message, Exception? innerException)
        : base(message, new CruxResponseDetails(HttpStatusCode.Conflict), innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxOrganizationTypeException"/> class from what the server answered.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">What the server answered; its <see cref="CruxResponseDetails.StatusCode"/> must be status 409.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="details"/> has another status.</exception>
    public CruxOrganizationTypeException(string? message, CruxResponseDetails details, Exception? innerException = null)
        : base(message, details, innerException, static status => status == 409, "409")
    {
    }
}
