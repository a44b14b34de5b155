using System.Net;
using System.Net.Http.Headers;

namespace Crux.Connect.Benchmarks.Infrastructure;

/// <summary>
/// A no-network transport that answers every request with <c>200 OK</c> and the documented Get
/// User Permissions JSON (<see cref="PermissionsDocument"/>). Per call it allocates the response,
/// a <see cref="ByteArrayContent"/> over the one shared byte array (a response owns and disposes
/// its content, so the content cannot be shared), that content's header store holding the one
/// shared parsed <c>Content-Type</c>, and the completed task.
/// </summary>
public sealed class PermissionsJsonHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue s_json = MediaTypeHeaderValue.Parse(Wire.JsonContentType);

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

    private static HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var content = new ByteArrayContent(PermissionsDocument.Utf8);
        content.Headers.ContentType = s_json;
        return new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content };
    }
}
