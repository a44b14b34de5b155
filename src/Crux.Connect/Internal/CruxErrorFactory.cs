using System.Globalization;
using System.Net;
using System.Text;

namespace Crux.Connect.Internal;

/// <summary>
/// The one place where a failure status becomes an exception: the status table, the error body
/// (read with a cap, parsed tolerantly), the request id, and a message that says what went wrong
/// without ever including a request header.
/// </summary>
internal static class CruxErrorFactory
{
    private const int MaxBodyInMessage = 512;
    private static readonly string[] RequestIdHeaders = ["X-Request-Id", "X-Correlation-Id", "Request-Id"];

    public static async ValueTask<CruxApiException> CreateAsync(
        HttpResponseMessage response, CruxRequest request, CruxClientSettings settings, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        string? body;
        using (BoundedBody bounded = await BoundedBody.ReadAsync(response.Content, BoundedBody.ErrorBodyLimit, cancellationToken).ConfigureAwait(false))
        {
            body = settings.Redact(bounded.GetText());
        }

        ErrorBody? parsed = ErrorBody.TryParse(body);
        string? requestId = ReadRequestId(response);
        TimeSpan? retryAfter = RetryAfter.Read(response, timeProvider);
        string message = Describe(response.StatusCode, request, settings, parsed, body, requestId);
        CruxApiException exception = Create(response.StatusCode, message, parsed?.Detail, parsed?.FieldErrors, body, requestId, retryAfter);
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
            409 => new CruxOrganizationTypeException(message, detail, fields, body, requestId),
            422 => new CruxUnprocessableEntityException(message, detail, fields, body, requestId),
            429 => new CruxRateLimitException(message, retryAfter, detail, fields, body, requestId),
            >= 500 and <= 599 => new CruxServerException(message, status, detail, fields, body, requestId),
            _ => new CruxApiException(message, status, detail, fields, body, requestId),
        };

    internal static string? ReadRequestId(HttpResponseMessage response)
    {
        foreach (string name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out IEnumerable<string>? values))
            {
                foreach (string value in values)
                {
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        return value.Length > 200 ? value.Substring(0, 200) : value;
                    }
                }
            }
        }

        return null;
    }

    private static string Describe(
        HttpStatusCode status, CruxRequest request, CruxClientSettings settings, ErrorBody? parsed, string? body, string? requestId)
    {
        var text = new StringBuilder(128);
        text.Append("Crux Connect answered ").Append(((int)status).ToString(CultureInfo.InvariantCulture));
        if (ReasonPhrase(status) is { } reason)
        {
            text.Append(" (").Append(reason).Append(')');
        }

        text.Append(" to ").Append(request.Describe(settings));

        bool described = false;
        if (!string.IsNullOrEmpty(parsed?.Detail))
        {
            text.Append(": ").Append(parsed!.Detail);
            described = true;
        }

        if (parsed is { FieldErrors.Count: > 0 })
        {
            text.Append(described ? "; " : ": ");
            bool first = true;
            foreach (KeyValuePair<string, IReadOnlyList<string>> field in parsed.FieldErrors)
            {
                text.Append(first ? string.Empty : "; ").Append(field.Key).Append(": ").Append(string.Join(" ", field.Value));
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

    private static string OneLine(string body)
    {
        string cut = body.Length > MaxBodyInMessage ? body.Substring(0, MaxBodyInMessage) + "…" : body;
        var chars = cut.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars).Trim();
    }

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
