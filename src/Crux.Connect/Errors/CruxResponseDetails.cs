using System.Collections.ObjectModel;
using System.Globalization;
using System.Net;
using System.Text;
using Crux.Connect.Diagnostics;

namespace Crux.Connect;

/// <summary>
/// What the server answered when a call failed: its status, request id, the error body's <c>detail</c> and field errors,
/// its <c>Retry-After</c>, the body itself (cut to a bounded length) and, for a refused redirect, where it pointed. Every
/// exception raised because of an answer (<see cref="CruxApiException"/> and its subclasses,
/// <see cref="CruxInvalidResponseException"/>, <see cref="CruxRedirectException"/>) carries one, as
/// <c>Details</c>; their properties (<see cref="CruxApiException.StatusCode"/>, <see cref="CruxApiException.RequestId"/>, …)
/// read from it.
/// </summary>
/// <remarks>
/// <para>
/// One object instead of one constructor parameter per fact (as Azure.Core's <c>RequestFailedException</c> is built
/// from one response): a fact added in a later version is a new property here, not a new constructor overload on each
/// exception. Build one for a test or a mock with an object initializer:
/// <c>new CruxNotFoundException("gone", new CruxResponseDetails(HttpStatusCode.NotFound) { RequestId = "req-1" })</c>.
/// </para>
/// <para>
/// The SDK builds it from values already redacted for the secret the request sent (token or password) and bounded
/// (the body to 64 KiB, the request id to 200 characters). <see cref="ToString"/> shows the status, the request id (escaped),
/// the <c>Retry-After</c>, the location and counts only, never the body, the detail or the field messages: it is safe to log.
/// The instance is immutable once built.
/// </para>
/// </remarks>
public sealed class CruxResponseDetails
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoFieldErrors =
        new ReadOnlyDictionary<string, IReadOnlyList<string>>(new Dictionary<string, IReadOnlyList<string>>(0, StringComparer.Ordinal));

    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _fieldErrors = NoFieldErrors;

    /// <summary>Initializes a new instance of the <see cref="CruxResponseDetails"/> class with a status and nothing else.</summary>
    /// <param name="statusCode">The status the server answered; 0 when no status is known.</param>
    public CruxResponseDetails(HttpStatusCode statusCode)
    {
        StatusCode = statusCode;
    }

    /// <summary>Gets the status the server answered; 0 when no status is known.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// Gets the server's request id (<c>X-Request-Id</c>, <c>X-Correlation-Id</c> or <c>Request-Id</c>), if it sent one.
    /// Support desks ask for it first.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? RequestId { get; init; }

    /// <summary>Gets the <c>detail</c> member of the error body, if the body had one.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Detail { get; init; }

    /// <summary>
    /// Gets the validation errors of the body: field name to messages, empty if none (never <see langword="null"/>; setting
    /// <see langword="null"/> leaves it empty). <c>non_field_errors</c> is a key like any other; nested errors flatten to
    /// keys such as <c>permission_uuids.0</c>. A copy is kept, so changing the dictionary given here changes nothing.
    /// </summary>
    /// <value>The default value is an empty dictionary.</value>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FieldErrors
    {
        get => _fieldErrors;
        init => _fieldErrors = Copy(value);
    }

    /// <summary>
    /// Gets how long the server asked the caller to wait (<c>Retry-After</c>, either form) with this answer, whatever its
    /// status, as the server said it: not capped by <see cref="CruxRetryOptions.MaxDelay"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (the server said nothing).</value>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Gets the raw response body, cut to a bounded length (64 KiB), or <see langword="null"/> if it was empty or left out.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? ResponseBody { get; init; }

    /// <summary>Gets where a refused redirect pointed (scheme, host, port and path; never the query), if the server said.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Location { get; init; }

    /// <summary>
    /// Gets a one-line summary that is safe to log: status, request id, <c>Retry-After</c>, location, how many field errors and
    /// how long the body is. The body, the detail and the field messages are left out (the exception's message quotes them, redacted).
    /// </summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(96).Append("StatusCode = ").Append(((int)StatusCode).ToString(CultureInfo.InvariantCulture));
        if (RequestId is not null)
        {
            text.Append(", RequestId = ").Append(ServerText.Shorten(RequestId, 200));
        }

        if (RetryAfter is { } retryAfter)
        {
            text.Append(", RetryAfter = ").Append(retryAfter.ToString("c", CultureInfo.InvariantCulture));
        }

        if (Location is not null)
        {
            text.Append(", Location = ").Append(ServerText.Shorten(Location, 200));
        }

        if (_fieldErrors.Count > 0)
        {
            text.Append(", FieldErrors = ").Append(_fieldErrors.Count.ToString(CultureInfo.InvariantCulture));
        }

        if (ResponseBody is not null)
        {
            text.Append(", ResponseBody = ").Append(ResponseBody.Length.ToString(CultureInfo.InvariantCulture)).Append(" chars");
        }

        return text.ToString();
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Copy(IReadOnlyDictionary<string, IReadOnlyList<string>>? fields)
    {
        if (fields is null || fields.Count == 0)
        {
            return NoFieldErrors;
        }

        var copy = new Dictionary<string, IReadOnlyList<string>>(fields.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, IReadOnlyList<string>> field in fields)
        {
            copy[field.Key] = field.Value is null ? [] : Array.AsReadOnly(field.Value.ToArray());
        }

        return new ReadOnlyDictionary<string, IReadOnlyList<string>>(copy);
    }
}
