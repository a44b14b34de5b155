using System.Net;

namespace Crux.Connect;

/// <summary>401 Unauthorized: the token (or the credentials) is missing or incorrect.</summary>
public class CruxAuthenticationException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxAuthenticationException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="detail">The <c>detail</c> of the error body, if any.</param>
    /// <param name="fieldErrors">The field errors of the error body, if any.</param>
    /// <param name="responseBody">The raw response body, cut to a bounded length, if any.</param>
    /// <param name="requestId">The server's request id, if it sent one.</param>
    public CruxAuthenticationException(
        string? message,
        string? detail = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null,
        string? responseBody = null,
        string? requestId = null)
        : base(message, HttpStatusCode.Unauthorized, detail, fieldErrors, responseBody, requestId)
    {
    }
}
