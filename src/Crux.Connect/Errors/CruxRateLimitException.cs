using System.Net;

namespace Crux.Connect;

/// <summary>429 Too Many Requests: the server (or a proxy) is limiting the caller. Retried before this is raised.</summary>
public class CruxRateLimitException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxRateLimitException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 429 Too Many Requests; <see cref="RetryAfter"/> is <see langword="null"/>; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxRateLimitException()
        : base(null, (HttpStatusCode)429)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxRateLimitException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 429 Too Many Requests; <see cref="RetryAfter"/> is <see langword="null"/>; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxRateLimitException(string? message)
        : base(message, (HttpStatusCode)429)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxRateLimitException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 429 Too Many Requests; <see cref="RetryAfter"/> is <see langword="null"/>; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxRateLimitException(string? message, Exception? innerException)
        : base(message, (HttpStatusCode)429, innerException: innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxRateLimitException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c>, if it sent one.</param>
    /// <param name="detail">The <c>detail</c> of the error body, if any.</param>
    /// <param name="fieldErrors">The field errors of the error body, if any.</param>
    /// <param name="responseBody">The raw response body, cut to a bounded length, if any.</param>
    /// <param name="requestId">The server's request id, if it sent one.</param>
    public CruxRateLimitException(
        string? message,
        TimeSpan? retryAfter = null,
        string? detail = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null,
        string? responseBody = null,
        string? requestId = null)
        : base(message, (HttpStatusCode)429, detail, fieldErrors, responseBody, requestId)
    {
        RetryAfter = retryAfter;
        ServerRetryAfter = retryAfter;
    }

    /// <summary>
    /// Gets how long the server asked the caller to wait (<c>Retry-After</c>, either form), as the server
    /// said it: not capped by <see cref="CruxRetryOptions.MaxDelay"/>. <see langword="null"/> if it said nothing.
    /// </summary>
    public TimeSpan? RetryAfter { get; }
}
