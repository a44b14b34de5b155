using System.Net;

namespace Crux.Connect;

/// <summary>422 Unprocessable Entity: the action cannot be performed on the identifier provided.</summary>
public class CruxUnprocessableEntityException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxUnprocessableEntityException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 422 Unprocessable Entity; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxUnprocessableEntityException()
        : base(null, (HttpStatusCode)422)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxUnprocessableEntityException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 422 Unprocessable Entity; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxUnprocessableEntityException(string? message)
        : base(message, (HttpStatusCode)422)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxUnprocessableEntityException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 422 Unprocessable Entity; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxUnprocessableEntityException(string? message, Exception? innerException)
        : base(message, (HttpStatusCode)422, innerException: innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxUnprocessableEntityException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="detail">The <c>detail</c> of the error body, if any.</param>
    /// <param name="fieldErrors">The field errors of the error body, if any.</param>
    /// <param name="responseBody">The raw response body, cut to a bounded length, if any.</param>
    /// <param name="requestId">The server's request id, if it sent one.</param>
    public CruxUnprocessableEntityException(
        string? message,
        string? detail = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null,
        string? responseBody = null,
        string? requestId = null)
        : base(message, (HttpStatusCode)422, detail, fieldErrors, responseBody, requestId)
    {
    }
}
