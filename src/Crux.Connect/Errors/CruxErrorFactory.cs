using System.Globalization;
using System.Net;
using System.Text;
using Crux.Connect.Diagnostics;

namespace Crux.Connect.Internal;

/// <summary>
/// The one place where a failure status becomes an exception: the status table, the error body
/// (read with a cap, parsed tolerantly), the request id, and a message that says what went wrong
/// without ever including a request header.
/// </summary>
internal static class CruxErrorFactory
{
    private const int MaxBodyInMessage = 512;

    public static async ValueTask<CruxApiException> CreateAsync(
        HttpResponseMessage response,
        CruxRequest request,
        CruxClientSettings settings,
        SecretRedactor redactor,
        TimeProvider timeProvider,
        CancellationToken cancellationToken,
        CancellationToken callerToken)
    {
        string? body;

        // The status is final: a body that stalls or breaks off yields what arrived, never a timeout or a retry of its own.
        using (BoundedBody bounded = await BoundedBody.ReadAvailableAsync(response.Content, BoundedBody.ErrorBodyLimit, cancellationToken, callerToken).ConfigureAwait(false))
        {
            body = BoundedBody.Redact(bounded.GetText(), redactor);
        }

        ErrorBody? parsed = ErrorBody.TryParse(body);
        string? detail = redactor.Redact(parsed?.Detail);
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fields = parsed is null ? null : RedactFields(parsed.FieldErrors, redactor);
        string? requestId = RequestIds.Read(response, redactor);
        TimeSpan? retryAfter = RetryAfter.Read(response, timeProvider);
        string message = Describe(response.StatusCode, request, settings, detail, fields, body, requestId);
        CruxApiException exception = Create(response.StatusCode, message, detail, fields, body, requestId, retryAfter);
        exception.ServerRetryAfter = retryAfter;
        return exception;
    }

    /// <summary>The status table (Octokit style): one row per documented failure.</summary>
    internal static CruxApiException Create(
        HttpStatusCode status,
        string message,
        string? detail,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fields,
        string? body,
        string? requestId,
        TimeSpan? retryAfter) => (int)status switch
        {
            400 => new CruxBadRequestException(message, detail, fields, body, requestId),
            401 => new CruxAuthenticationException(message, detail, fields, body, requestId),
            403 => new CruxPermissionDeniedException(message, detail, fields, body, requestId),
            404 => new CruxNotFoundException(message, detail, fields, body, requestId),
            408 => new CruxRequestTimeoutException(message, detail, fields, body, requestId),
            409 => new CruxOrganizationTypeException(message, detail, fields, body, requestId),
            422 => new CruxUnprocessableEntityException(message, detail, fields, body, requestId),
            429 => new CruxRateLimitException(message, retryAfter, detail, fields, body, requestId),
            >= 500 and <= 599 => new CruxServerException(message, status, detail, fields, body, requestId),
            _ => new CruxApiException(message, status, detail, fields, body, requestId),
        };

    private static Dictionary<string, IReadOnlyList<string>> RedactFields(
        Dictionary<string, IReadOnlyList<string>> fields, SecretRedactor redactor)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(fields.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, IReadOnlyList<string>> field in fields)
        {
            string key = redactor.Redact(field.Key)!;
            string[] messages = field.Value.Select(message => redactor.Redact(message)!).ToArray();
            result[key] = result.TryGetValue(key, out IReadOnlyList<string>? earlier) ? earlier.Concat(messages).ToArray() : messages;
        }

        return result;
    }

    private static string Describe(
        HttpStatusCode status,
        CruxRequest request,
        CruxClientSettings settings,
        string? detail,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fields,
        string? body,
        string? requestId)
    {
        var text = new StringBuilder(128);
        text.Append("Crux Connect answered ").Append(((int)status).ToString(CultureInfo.InvariantCulture));
        if (ReasonPhrase(status) is { } reason)
        {
            text.Append(" (").Append(reason).Append(')');
        }

        text.Append(" to ").Append(request.Describe(settings)).Append(" at ").Append(settings.BaseUri.Host);
        if (string.Equals(settings.BaseUri.Host, CruxEnvironments.Sandbox.Host, StringComparison.OrdinalIgnoreCase))
        {
            // A production token sent to the default address answers only "Invalid token": say where it went.
            text.Append(" (the Sandbox)");
        }

        bool described = false;
        if (!string.IsNullOrEmpty(detail))
        {
            text.Append(": ").Append(ServerText.Shorten(detail!, MaxBodyInMessage));
            described = true;
        }

        if (fields is { Count: > 0 })
        {
            text.Append(described ? "; " : ": ");
            bool first = true;
            foreach (KeyValuePair<string, IReadOnlyList<string>> field in fields)
            {
                text.Append(first ? string.Empty : "; ").Append(ServerText.Shorten(field.Key, MaxBodyInMessage)).Append(": ")
                    .Append(ServerText.Shorten(string.Join(" ", field.Value), MaxBodyInMessage));
                first = false;
            }

            described = true;
        }

        if (!described && !string.IsNullOrWhiteSpace(body))
        {
            text.Append(". Response body: ").Append(OneLine(body!));
        }

        if (requestId is not null)
        {
            text.Append(" (request id ").Append(requestId).Append(')');
        }

        return text.ToString();
    }

    private static string OneLine(string body) => ServerText.Shorten(body.Trim(), MaxBodyInMessage);

    private static string? ReasonPhrase(HttpStatusCode status) => (int)status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Permission Denied",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Critical: wrong organization type",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => null,
    };
}
