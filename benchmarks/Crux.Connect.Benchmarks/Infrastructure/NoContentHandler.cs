using System.Net;

namespace Crux.Connect.Benchmarks.Infrastructure;

/// <summary>
/// A no-network transport that answers every request with <c>204 No Content</c>.
/// It does what a real transport must do with a request and nothing else: it reads
/// <c>Content-Length</c> (which decides between a length and chunked) and writes the body
/// out (to <see cref="Stream.Null"/>), so a contender that serializes its body lazily pays for
/// it like one that serializes eagerly. Its own allocations per call are the
/// <see cref="HttpResponseMessage"/> it must return and the completed task carrying it
/// (checked by <see cref="HandlerAllocationCheck"/>).
/// </summary>
public sealed class NoContentHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Task written = RequestSink.WriteAsync(request, cancellationToken);
        return written.IsCompletedSuccessfully
            ? Task.FromResult(Respond(request))
            : RespondAfterAsync(written, request);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        RequestSink.WriteAsync(request, cancellationToken).GetAwaiter().GetResult();
        return Respond(request);
    }

    private static async Task<HttpResponseMessage> RespondAfterAsync(Task written, HttpRequestMessage request)
    {
        await written;
        return Respond(request);
    }

    private static HttpResponseMessage Respond(HttpRequestMessage request) =>
        new(HttpStatusCode.NoContent) { RequestMessage = request };
}
