using System.Net.Http.Headers;

namespace Crux.Connect.Tests.TestSupport;

/// <summary>What a handler saw of one request: enough to assert the exact wire format.</summary>
public sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> Headers,
    byte[]? Body,
    long? ContentLength,
    string? ContentType)
{
    public string BodyText => Body is null ? string.Empty : System.Text.Encoding.UTF8.GetString(Body);

    public static async Task<RecordedRequest> FromAsync(HttpRequestMessage request)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (KeyValuePair<string, HeaderStringValues> header in request.Headers.NonValidated)
        {
            headers[header.Key] = header.Value.ToString();
        }

        byte[]? body = null;
        long? length = null;
        string? contentType = null;
        if (request.Content is { } content)
        {
            length = content.Headers.ContentLength;
            contentType = content.Headers.NonValidated.TryGetValues("Content-Type", out HeaderStringValues values) ? values.ToString() : null;
            body = await content.ReadAsByteArrayAsync();
        }

        return new RecordedRequest(request.Method, request.RequestUri!, headers, body, length, contentType);
    }
}
