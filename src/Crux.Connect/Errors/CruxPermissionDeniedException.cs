using System.Net;

namespace Crux.Connect;

/// <summary>403 Permission Denied: the caller lacks the permission for the action (for example <c>edit_org_users</c> to add or remove permissions).</summary>
public class CruxPermissionDeniedException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxPermissionDeniedException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 403 Forbidden; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxPermissionDeniedException()
        : base(null, new CruxResponseDetails(HttpStatusCode.Forbidden))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxPermissionDeniedException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 403 Forbidden; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxPermissionDeniedException(string? message)
        : base(message, new CruxResponseDetails(HttpStatusCode.Forbidden))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxPermissionDeniedException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 403 Forbidden; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxPermissionDeniedException(string? message, Exception? innerException)
        : base(message, new CruxResponseDetails(HttpStatusCode.Forbidden), innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxPermissionDeniedException"/> class from what the server answered.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">What the server answered; its <see cref="CruxResponseDetails.StatusCode"/> must be status 403.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="details"/> has another status.</exception>
    public CruxPermissionDeniedException(string? message, CruxResponseDetails details, Exception? innerException = null)
        : base(message, details, innerException, static status => status == 403, "403")
    {
    }
}
