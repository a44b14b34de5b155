namespace Crux.Connect.Benchmarks.Infrastructure;

/// <summary>What a transport does with a request body, minus the socket.</summary>
internal static class RequestSink
{
    /// <summary>
    /// Reads <c>Content-Length</c> as SocketsHttpHandler does and copies the body to
    /// <see cref="Stream.Null"/>. For a buffered content (ByteArrayContent, StringContent) this
    /// completes synchronously and allocates nothing after the first call on that content.
    /// </summary>
    public static Task WriteAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpContent? content = request.Content;
        if (content is null)
        {
            return Task.CompletedTask;
        }

        _ = content.Headers.ContentLength;
        return content.CopyToAsync(Stream.Null, cancellationToken);
    }
}
