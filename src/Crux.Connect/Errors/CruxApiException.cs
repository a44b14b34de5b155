using System.Net;

namespace Crux.Connect;

/// <summary>
/// The Crux Connect API answered with a failure status. Subclasses name the documented statuses;
/// other failure codes (405, 415, unknown 4xx, unexpected 1xx/3xx) raise this type itself.
/// </summary>
public class CruxApiException : CruxException
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoFieldErrors =
        new Dictionary<string, IReadOnlyList<string>>(0, StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="CruxApiException"/> class with a default message.</summary>
    /// <remarks><see cref="StatusCode"/> is 0 (no status known); <see cref="FieldErrors"/> is empty; <see cref="Detail"/>, <see cref="ResponseBody"/> and <see cref="RequestId"/> are <see langword="null"/>.</remarks>
    public CruxApiException()
        : this(null, default(HttpStatusCode))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxApiException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="StatusCode"/> is 0 (no status known); <see cref="FieldErrors"/> is empty; <see cref="Detail"/>, <see cref="ResponseBody"/> and <see cref="RequestId"/> are <see langword="null"/>.</remarks>
    public CruxApiException(string? message)
        : this(message, default(HttpStatusCode))
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxApiException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="StatusCode"/> is 0 (no status known); <see cref="FieldErrors"/> is empty; <see cref="Detail"/>, <see cref="ResponseBody"/> and <see cref="RequestId"/> are <see langword="null"/>.</remarks>
    public CruxApiException(string? message, Exception? innerException)
        : this(message, default(HttpStatusCode), innerException: innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxApiException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status the server answered.</param>
    /// <param name="detail">The <c>detail</c> of the error body, if any.</param>
    /// <param name="fieldErrors">The field errors of the error body, if any.</param>
    /// <param name="responseBody">The raw response body, cut to a bounded length, if any.</param>
    /// <param name="requestId">The server's request id, if it sent one.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    public CruxApiException(
        string? message,
        HttpStatusCode statusCode,
        string? detail = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fieldErrors = null,
        string? responseBody = null,
        string? requestId = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Detail = detail;
        FieldErrors = fieldErrors ?? NoFieldErrors;
        ResponseBody = responseBody;
        RequestId = requestId;
    }

    /// <summary>Gets the HTTP status the server answered.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Gets the <c>detail</c> member of the error body, if the body had one.</summary>
    public string? Detail { get; }

    /// <summary>
    /// Gets the validation errors of the body: field name to messages, empty if none.
    /// <c>non_field_errors</c> is a key like any other; nested errors flatten to keys such as <c>permission_uuids.0</c>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors { get; }

    /// <summary>Gets the raw response body, cut to a bounded length (64 KiB), or <see langword="null"/> if it was empty.</summary>
    public string? ResponseBody { get; }

    /// <summary>
    /// Gets the server's request id (<c>X-Request-Id</c>, <c>X-Correlation-Id</c> or <c>Request-Id</c>), if it sent one.
    /// Support desks ask for it first.
    /// </summary>
    public string? RequestId { get; }

    /// <summary>Gets the server's <c>Retry-After</c>, whatever the status, for the retry strategy.</summary>
    internal TimeSpan? ServerRetryAfter { get; set; }
}
