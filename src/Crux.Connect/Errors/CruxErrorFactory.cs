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
        var fragments = new List<Fragment>();
        string message = Describe(response.StatusCode, request, settings, detail, fields, body, requestId, fragments);

        // Redaction looks at what the user reads: fragments redacted one by one may rebuild a secret once joined (field
        // messages joined by a space, a key and its value, the detail and the fields). Such a secret is masked in the
        // message, and in each fragment it was built from, so the properties do not rebuild it either.
        List<SecretRedactor.Span> rebuilt = redactor.Find(message);
        if (rebuilt.Count > 0)
        {
            message = redactor.Redact(message)!;
            detail = Mask(detail, fragments.Find(f => f.Key is null), rebuilt);
            fields = fields is null ? null : MaskFields(fields, fragments, rebuilt);
        }

        // Built from the redacted (and, above, masked) values only: the details never hold what the message does not show.
        var details = new CruxResponseDetails(response.StatusCode)
        {
            RequestId = requestId,
            Detail = detail,
            FieldErrors = fields!,
            RetryAfter = retryAfter,
            ResponseBody = body,
        };
        return Create(message, details);
    }

    /// <summary>The status table (Octokit style): one row per documented failure.</summary>
    internal static CruxApiException Create(string message, CruxResponseDetails details) => (int)details.StatusCode switch
    {
        400 => new CruxBadRequestException(message, details),
        401 => new CruxAuthenticationException(message, details),
        403 => new CruxPermissionDeniedException(message, details),
        404 => new CruxNotFoundException(message, details),
        408 => new CruxRequestTimeoutException(message, details),
        409 => new CruxOrganizationTypeException(message, details),
        422 => new CruxUnprocessableEntityException(message, details),
        429 => new CruxRateLimitException(message, details),
        >= 500 and <= 599 => new CruxServerException(message, details),
        _ => new CruxApiException(message, details),
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

    private static Dictionary<string, IReadOnlyList<string>> MaskFields(
        IReadOnlyDictionary<string, IReadOnlyList<string>> fields, List<Fragment> fragments, List<SecretRedactor.Span> rebuilt)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(fields.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, IReadOnlyList<string>> field in fields)
        {
            string key = Mask(field.Key, fragments.Find(f => f.Key == field.Key && !f.IsValue), rebuilt)!;
            string joined = string.Join(" ", field.Value);
            string values = Mask(joined, fragments.Find(f => f.Key == field.Key && f.IsValue), rebuilt)!;
            IReadOnlyList<string> messages = ReferenceEquals(values, joined) ? field.Value : [values];
            result[key] = result.TryGetValue(key, out IReadOnlyList<string>? earlier) ? earlier.Concat(messages).ToArray() : messages;
        }

        return result;
    }

    /// <summary>The fragment with what of it took part in a rebuilt secret masked (all of it when the message shows it escaped).</summary>
    private static string? Mask(string? raw, Fragment? fragment, List<SecretRedactor.Span> rebuilt)
    {
        if (raw is null || fragment is null)
        {
            return raw;
        }

        var inside = new List<SecretRedactor.Span>();
        foreach (SecretRedactor.Span span in rebuilt)
        {
            int start = Math.Max(span.Start, fragment.Start);
            int end = Math.Min(span.End, fragment.End);
            if (start < end)
            {
                inside.Add(new SecretRedactor.Span(start - fragment.Start, end - fragment.Start));
            }
        }

        if (inside.Count == 0)
        {
            return raw;
        }

        if (fragment.Length != raw.Length)
        {
            // Shown escaped or cut: offsets differ, so the whole fragment goes.
            return SecretRedactor.Mask;
        }

        inside.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var text = new StringBuilder(raw.Length);
        int copied = 0;
        foreach (SecretRedactor.Span span in inside)
        {
            if (span.Start >= copied)
            {
                text.Append(raw, copied, span.Start - copied).Append(SecretRedactor.Mask);
            }

            copied = Math.Max(copied, span.End);
        }

        return text.Append(raw, copied, raw.Length - copied).ToString();
    }

    private static string Describe(
        HttpStatusCode status,
        CruxRequest request,
        CruxClientSettings settings,
        string? detail,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? fields,
        string? body,
        string? requestId,
        List<Fragment> fragments)
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
            text.Append(": ");
            Append(text, ServerText.Shorten(detail!, MaxBodyInMessage), fragments, key: null, isValue: false);
            described = true;
        }

        if (fields is { Count: > 0 })
        {
            text.Append(described ? "; " : ": ");
            bool first = true;
            foreach (KeyValuePair<string, IReadOnlyList<string>> field in fields)
            {
                text.Append(first ? string.Empty : "; ");
                Append(text, ServerText.Shorten(field.Key, MaxBodyInMessage), fragments, field.Key, isValue: false);
                text.Append(": ");
                Append(text, ServerText.Shorten(string.Join(" ", field.Value), MaxBodyInMessage), fragments, field.Key, isValue: true);
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

    private static void Append(StringBuilder text, string shown, List<Fragment> fragments, string? key, bool isValue)
    {
        fragments.Add(new Fragment(text.Length, shown.Length, key, isValue));
        text.Append(shown);
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

    /// <summary>Where one piece of server text (the detail: no key; a field's key; its messages) stands in the message.</summary>
    private sealed class Fragment
    {
        public Fragment(int start, int length, string? key, bool isValue)
        {
            Start = start;
            Length = length;
            Key = key;
            IsValue = isValue;
        }

        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        public string? Key { get; }

        public bool IsValue { get; }
    }
}
