namespace Crux.Connect.Internal;

/// <summary>
/// The server's request id, read from the same headers for a success and a failure: it is what Crux support asks for.
/// Bounded, so a hostile server cannot make a result or a message arbitrarily large.
/// </summary>
internal static class RequestIds
{
    private const int MaxLength = 200;
    private static readonly string[] Headers = ["X-Request-Id", "X-Correlation-Id", "Request-Id"];

    public static string? Read(HttpResponseMessage response)
    {
        foreach (string name in Headers)
        {
            if (response.Headers.TryGetValues(name, out IEnumerable<string>? values))
            {
                foreach (string value in values)
                {
                    if (!string.IsNullOrWhiteSpace(value))
                    {
                        return value.Length > MaxLength ? value.Substring(0, MaxLength) : value;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The id as a result carries it: redacted for the secret that request sent, like everything else read from the answer.</summary>
    public static string? ForResult(HttpResponseMessage response, CruxClientSettings settings) => settings.Redact(Read(response));
}
