using System.Net;
using System.Text;

namespace Crux.Connect.Benchmarks.Infrastructure;

/// <summary>
/// Proves that every contender puts the same request on the wire as the first one (the
/// hand-written floor): method, absolute URI, every header and its value, the body bytes and a
/// <c>Content-Length</c> (never chunked). Run from each benchmark's <c>[GlobalSetup]</c>, so a
/// contender that does less work than the floor cannot win by it.
/// </summary>
internal static class WireCheck
{
    public static void AssertSameRequests(IReadOnlyList<WireContender> contenders, HttpStatusCode answer)
    {
        CapturedRequest? floor = null;
        string? floorName = null;
        foreach (var contender in contenders)
        {
            CapturedRequest captured = CaptureOne(contender, answer);
            if (captured.ContentLength is null || captured.TransferEncodingChunked == true)
            {
                if (captured.Body.Length > 0 || captured.Method != "GET")
                {
                    throw new InvalidOperationException($"{contender.Name} sends its body chunked (no Content-Length).");
                }
            }
            else if (captured.ContentLength != captured.Body.Length)
            {
                throw new InvalidOperationException($"{contender.Name} sends Content-Length {captured.ContentLength} with a body of {captured.Body.Length} bytes.");
            }

            if (floor is null)
            {
                floor = captured;
                floorName = contender.Name;
                Console.WriteLine($"// wire check: {contender.Name} sends {Describe(captured)}");
                continue;
            }

            var differences = Compare(floor, captured, contender.OwnUserAgent);
            if (differences.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{contender.Name} does not send what {floorName} sends:{Environment.NewLine}  " +
                    string.Join(Environment.NewLine + "  ", differences));
            }

            Console.WriteLine($"// wire check: {contender.Name} sends the same request as {floorName}");
        }
    }

    private static string Describe(CapturedRequest request) =>
        $"{request.Method} {request.Uri} | {string.Join(" | ", request.Headers.Select(h => $"{h.Key}: {h.Value}"))} | " +
        $"Content-Length: {request.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} | {Abbreviate(Encoding.UTF8.GetString(request.Body))}";

    private static string Abbreviate(string body) => body.Length <= 120 ? body : $"{body[..120]}... ({body.Length} bytes)";

    private static CapturedRequest CaptureOne(WireContender contender, HttpStatusCode answer)
    {
        using var handler = new CapturingHandler(answer);
        Func<Task> call = contender.Build(handler);
        call().GetAwaiter().GetResult();
        if (handler.Requests.Count != 1)
        {
            throw new InvalidOperationException($"{contender.Name} sent {handler.Requests.Count} requests for one call.");
        }

        return handler.Requests[0];
    }

    private static List<string> Compare(CapturedRequest expected, CapturedRequest actual, bool ownUserAgent)
    {
        var differences = new List<string>();
        if (expected.Method != actual.Method)
        {
            differences.Add($"method {actual.Method}, expected {expected.Method}");
        }

        if (expected.Uri != actual.Uri)
        {
            differences.Add($"URI {actual.Uri}, expected {expected.Uri}");
        }

        var expectedHeaders = expected.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        var actualHeaders = actual.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in expectedHeaders)
        {
            if (!actualHeaders.TryGetValue(name, out string? actualValue))
            {
                differences.Add($"header {name} missing (expected \"{value}\")");
            }
            else if (actualValue != value && !(ownUserAgent && name.Equals("User-Agent", StringComparison.OrdinalIgnoreCase)))
            {
                differences.Add($"header {name}: \"{actualValue}\", expected \"{value}\"");
            }
        }

        foreach (var name in actualHeaders.Keys.Where(n => !expectedHeaders.ContainsKey(n)))
        {
            differences.Add($"extra header {name}: \"{actualHeaders[name]}\"");
        }

        if (!expected.Body.AsSpan().SequenceEqual(actual.Body))
        {
            differences.Add($"body {Encoding.UTF8.GetString(actual.Body)}, expected {Encoding.UTF8.GetString(expected.Body)}");
        }

        if (expected.ContentLength != actual.ContentLength)
        {
            differences.Add($"Content-Length {actual.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none (chunked)"}, expected {expected.ContentLength}");
        }

        return differences;
    }
}
