using System.Net;

namespace Crux.Connect;

/// <summary>
/// The Crux Connect API answered with a failure status. Subclasses name the documented statuses;
/// other failure codes (405, 415, unknown 4xx, unexpected 1xx/3xx) raise this type itself.
/// </summary>
/// <remarks>
/// What the server answered is in <see cref="Details"/> (one object that later versions add facts to); the properties
/// here read from it.
/// </remarks>
public class CruxApiException : CruxException
{
    /// <summary>Initializes a new instance of the <see cref="CruxApiException"/> class with a default message.</summary>
    /// <remarks><see cref="StatusCode"/> is 0 (no status known); <see cref="FieldErrors"/> is empty; <see cref="Detail"/>, <see cref="ResponseBody"/> and <see cref="RequestId"/> are <see langword="null"/>.</remarks>
    public CruxApiException()
        : this(null, new CruxResponseDetails(default))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxApiException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="StatusCode"/> is 0 (no status known); <see cref="FieldErrors"/> is empty; <see cref="Detail"/>, <see cref="ResponseBody"/> and <see cref="RequestId"/> are <see langword="null"/>.</remarks>
    public CruxApiException(string? message)
        : this(message, new CruxResponseDetails(default))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxApiException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="StatusCode"/> is 0 (no status known); <see cref="FieldErrors"/> is empty; <see cref="Detail"/>, <see cref="ResponseBody"/> and <see cref="RequestId"/> are <see langword="null"/>.</remarks>
    public CruxApiException(string? message, Exception? innerException)
        : this(message, new CruxResponseDetails(default), innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxApiException"/> class from what the server answered.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="details">What the server answered (status, request id, error body, …).</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="details"/> is <see langword="null"/>.</exception>
    public CruxApiException(string? message, CruxResponseDetails details, Exception? innerException = null)
        : base(message, innerException)
    {
        Details = details ?? throw new ArgumentNullException(nameof(details));
    }

    /// <summary>
    /// Initializes a new instance for a subclass that stands for some statuses only: <paramref name="details"/> must have
    /// one of them, so that an exception never names one status and carries another.
    /// </summary>
    private protected CruxApiException(string? message, CruxResponseDetails details, Exception? innerException, Func<int, bool> isOwnStatus, string statuses)
        : this(message, details, innerException)
    {
        if (!isOwnStatus((int)details.StatusCode))
        {
            throw new ArgumentException($"The details' status is {(int)details.StatusCode}, but {GetType().Name} stands for {statuses}.", nameof(details));
        }
    }

    /// <summary>Gets what the server answered: status, request id, error body, <c>Retry-After</c>, … (never <see langword="null"/>).</summary>
    public CruxResponseDetails Details { get; }

    /// <summary>Gets the HTTP status the server answered (<see cref="CruxResponseDetails.StatusCode"/>).</summary>
    public HttpStatusCode StatusCode => Details.StatusCode;

    /// <summary>Gets the <c>detail</c> member of the error body, if the body had one (<see cref="CruxResponseDetails.Detail"/>).</summary>
    public string? Detail => Details.Detail;

    /// <summary>
    /// Gets the validation errors of the body: field name to messages, empty if none (<see cref="CruxResponseDetails.FieldErrors"/>).
    /// <c>non_field_errors</c> is a key like any other; nested errors flatten to keys such as <c>permission_uuids.0</c>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors => Details.FieldErrors;

    /// <summary>Gets the raw response body, cut to a bounded length (64 KiB), or <see langword="null"/> if it was empty (<see cref="CruxResponseDetails.ResponseBody"/>).</summary>
    public string? ResponseBody => Details.ResponseBody;

    /// <summary>
    /// Gets the server's request id (<c>X-Request-Id</c>, <c>X-Correlation-Id</c> or <c>Request-Id</c>), if it sent one
    /// (<see cref="CruxResponseDetails.RequestId"/>). Support desks ask for it first.
    /// </summary>
    public string? RequestId => Details.RequestId;

    /// <summary>Gets the server's <c>Retry-After</c>, whatever the status, for the retry strategy.</summary>
    internal TimeSpan? ServerRetryAfter => Details.RetryAfter;
}
