using System.Net;

namespace Crux.Connect.Benchmarks.Infrastructure;

/// <summary>Records the requests it is given (for <see cref="WireCheck"/>) and answers like the benchmark's handler.</summary>
internal sealed class CapturingHandler(HttpStatusCode statusCode) : HttpMessageHandler
{
    private static readonly HashSet<string> s_framing = new(StringComparer.OrdinalIgnoreCase) { "Content-Length", "Transfer-Encoding" };

    public List<CapturedRequest> Requests { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(await CaptureAsync(request, cancellationToken));
        var response = new HttpResponseMessage(statusCode) { RequestMessage = request };
        if (statusCode == HttpStatusCode.OK)
        {
            response.Content = new ByteArrayContent(PermissionsDocument.Utf8);
            response.Content.Headers.TryAddWithoutValidation("Content-Type", Wire.JsonContentType);
        }

        return response;
    }

    private static async Task<CapturedRequest> CaptureAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers.NonValidated)
        {
            if (!s_framing.Contains(header.Key))
            {
                headers.Add(new(header.Key, string.Join(", ", header.Value)));
            }
        }

        byte[] body = [];
        long? contentLength = null;
        if (request.Content is { } content)
        {
            // Read first, as SocketsHttpHandler does before it writes the headers.
            contentLength = content.Headers.ContentLength;
            foreach (var header in content.Headers.NonValidated)
            {
                if (!s_framing.Contains(header.Key))
                {
                    headers.Add(new(header.Key, string.Join(", ", header.Value)));
                }
            }

            using var buffer = new MemoryStream();
            await content.CopyToAsync(buffer, cancellationToken);
            body = buffer.ToArray();
        }

        headers.Sort(static (a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Key, b.Key));
        return new CapturedRequest(
            request.Method.Method,
            request.RequestUri!.AbsoluteUri,
            headers,
            body,
            contentLength,
            request.Headers.TransferEncodingChunked);
    }
}
