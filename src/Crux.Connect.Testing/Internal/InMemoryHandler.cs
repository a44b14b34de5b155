using System.Net;

namespace Crux.Connect.Testing.Internal;

/// <summary>The in-memory front door: an <see cref="HttpRequestMessage"/> becomes a <see cref="SimRequest"/>, no sockets.</summary>
internal sealed class InMemoryHandler(CruxSimulator simulator) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no RequestUri; set HttpClient.BaseAddress.");
        if (!uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("The request URI is relative; set HttpClient.BaseAddress.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers)
        {
            headers.Add(new(name, string.Join(", ", values)));
        }

        long? contentLength = null;
        var body = Array.Empty<byte>();
        var chunked = request.Headers.TransferEncodingChunked == true;
        if (request.Content is { } content)
        {
            // Read the length before buffering: once buffered, every content reports a length, and an unknown
            // length is exactly what a socket handler would have sent chunked.
            contentLength = chunked ? null : content.Headers.ContentLength;
            chunked |= contentLength is null;
            foreach (var (name, values) in content.Headers)
            {
                headers.Add(new(name, string.Join(", ", values)));
            }

            body = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var simRequest = new SimRequest(
            request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), headers, body, contentLength, chunked, "memory");
        var answer = await simulator.ProcessAsync(simRequest, cancellationToken).ConfigureAwait(false);
        if (answer.Dropped)
        {
#if NET
            throw new HttpRequestException(
                HttpRequestError.ResponseEnded,
                "The simulated server closed the connection without answering.",
                new IOException("The response ended prematurely (simulated connection drop)."));
#else
            throw new HttpRequestException(
                "The simulated server closed the connection without answering.",
                new IOException("The response ended prematurely (simulated connection drop)."));
#endif
        }

        return ToResponse(answer, request);
    }

    private static HttpResponseMessage ToResponse(SimResponse answer, HttpRequestMessage request)
    {
        var response = new HttpResponseMessage(answer.Status)
        {
            RequestMessage = request,
            Version = HttpVersion.Version11,
            Content = new ByteArrayContent(answer.Body),
        };
        if (answer.ContentType is { } contentType)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        foreach (var (name, value) in answer.Headers)
        {
            // Allow, like Content-Type, is a content header in System.Net.Http and is refused on the response itself.
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }
}
