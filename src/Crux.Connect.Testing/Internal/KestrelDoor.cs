using Microsoft.AspNetCore.Http;

namespace Crux.Connect.Testing.Internal;

/// <summary>The HTTP front door: a Kestrel <see cref="HttpContext"/> becomes a <see cref="SimRequest"/>.</summary>
internal static class KestrelDoor
{
    public static async Task HandleAsync(HttpContext context, CruxSimulator simulator)
    {
        var request = context.Request;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers)
        {
            headers.Add(new(name, values.ToString()));
        }

        var chunked = request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);
        byte[] body;
        try
        {
            // Kestrel de-chunks the body, so a chunked DELETE body is read whole like any other.
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            return;
        }

        var simRequest = new SimRequest(
            request.Method, request.PathBase + request.Path, request.QueryString.Value?.TrimStart('?') ?? string.Empty,
            headers, body, request.ContentLength, chunked, "http");

        SimResponse answer;
        try
        {
            answer = await simulator.ProcessAsync(simRequest, context.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The client went away during a stall: there is nobody to answer.
            return;
        }

        if (answer.Dropped)
        {
            context.Abort();
            return;
        }

        var response = context.Response;
        response.StatusCode = (int)answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers.Append(name, value);
        }

        // HEAD answers carry the headers only; writing a body there is a protocol error.
        if (answer.Body.Length > 0 && !HttpMethods.IsHead(request.Method))
        {
            response.ContentType = answer.ContentType;
            response.ContentLength = answer.Body.Length;
            await response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
