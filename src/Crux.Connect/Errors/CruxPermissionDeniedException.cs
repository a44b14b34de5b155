using System.Net;

namespace Crux.Connect;

/// <summary>403 Permission Denied: the caller lacks the permission for the action (for example <c>edit_org_users</c> to add or remove permissions).</summary>
public class CruxPermissionDeniedException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxPermissionDeniedException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 403 Forbidden; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxPermissionDeniedException()
        : base(null, HttpStatusCode.Forbidden)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxPermissionDeniedException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 403 Forbidden; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxPermissionDeniedException(string? message)
        : base(message, HttpStatusCode.Forbidden)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxPermissionDeniedException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 403 Forbidden; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxPermissionDeniedException(string? message, Exception? innerException)
        : base(message, HttpStatusCode.Forbidden, innerException: innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxPermissionDeniedException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="detail">The <c>detail</c> of the error body, if any.</param>
    /// <param name="fieldErrors">The field errors of the error body, if any.</param>
    /// <param name="responseBody">The raw response body, cut to a bounded length, if any.</param>
    /// <param name="requestId">The server's request id, if it sent one.</param>
    public CruxPermissionDeniedException(
        string? message,
        string? detail = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null,
        string? responseBody = null,
        string? requestId = null)
        : base(message, HttpStatusCode.Forbidden, detail, fieldErrors, responseBody, requestId)
    {
    }
}
