using Crux.Connect.Diagnostics;

namespace Crux.Connect.Internal;

/// <summary>
/// The server's request id, read from the same headers for a success and a failure: it is what Crux support asks for.
/// The server may echo anything in it, so it is redacted for the secret the request sent, its control characters are
/// escaped, and it is bounded, so a hostile server cannot make a result or a message arbitrarily large.
/// </summary>
internal static class RequestIds
{
    private const int MaxLength = 200;
    private static readonly string[] Headers = ["X-Request-Id", "X-Correlation-Id", "Request-Id"];

    public static string? Read(HttpResponseMessage response, SecretRedactor redactor)
    {
        foreach (string name in Headers)
        {
            if (response.Headers.TryGetValues(name, out IEnumerable<string>? values))
            {
                foreach (string value in values)
                {
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        return ServerText.Shorten(redactor.Redact(value.Trim())!, MaxLength);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The id as a result carries it, redacted for the secrets of the attempt that got the answer (<see cref="CruxRequest.Secrets"/>).</summary>
    public static string? ForResult(HttpResponseMessage response, CruxRequest request) => Read(response, request.Secrets ?? SecretRedactor.None);
}
