using System.Net;

namespace Crux.Connect;

/// <summary>429 Too Many Requests: the server (or a proxy) is limiting the caller. Retried before this is raised.</summary>
public class CruxRateLimitException : CruxApiException
{
    /// <summary>Initializes a new instance of the <see cref="CruxRateLimitException"/> class with a default message.</summary>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 429 Too Many Requests; <see cref="RetryAfter"/> is <see langword="null"/>; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxRateLimitException()
        : base(null, new CruxResponseDetails((HttpStatusCode)429))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxRateLimitException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 429 Too Many Requests; <see cref="RetryAfter"/> is <see langword="null"/>; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxRateLimitException(string? message)
        : base(message, new CruxResponseDetails((HttpStatusCode)429))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxRateLimitException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="CruxApiException.StatusCode"/> is 429 Too Many Requests; <see cref="RetryAfter"/> is <see langword="null"/>; the error body's details are absent: <see cref="CruxApiException.FieldErrors"/> is empty, the others are <see langword="null"/>.</remarks>
    public CruxRateLimitException(string? message, Exception? innerException)
        : base(message, new CruxResponseDetails((HttpStatusCode)429), innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxRateLimitException"/> class from what the server answered.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">What the server answered; its <see cref="CruxResponseDetails.StatusCode"/> must be status 429.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="details"/> has another status.</exception>
    public CruxRateLimitException(string? message, CruxResponseDetails details, Exception? innerException = null)
        : base(message, details, innerException, static status => status == 429, "429")
    {
    }

    /// <summary>
    /// Gets how long the server asked the caller to wait (<c>Retry-After</c>, either form), as the server
    /// said it: not capped by <see cref="CruxRetryOptions.MaxDelay"/>. <see langword="null"/> if it said nothing.
    /// The same as <see cref="CruxResponseDetails.RetryAfter"/> of <see cref="CruxApiException.Details"/>.
    /// </summary>
    public TimeSpan? RetryAfter => Details.RetryAfter;
}
