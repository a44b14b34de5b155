using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Crux.Connect.Benchmarks.Infrastructure;

/// <summary>
/// What the loopback server (the tests' <c>Crux.Connect.TestSupport.LoopbackServer</c>: Kestrel on 127.0.0.1, port chosen by
/// the OS) answers in the benchmarks: Remove User Permissions with 204 after reading the whole body; 411 to a body without
/// Content-Length (chunked) and 400 to a body shorter than its Content-Length, so a contender that sends neither correctly
/// fails; 404 to anything else.
/// </summary>
internal static class RemovePermissionsEndpoint
{
    private const string PathPrefix = "/" + Wire.PermissionsPath;

    public static async Task AnswerAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        if (!HttpMethods.IsDelete(request.Method) || !request.Path.StartsWithSegments(PathPrefix.TrimEnd('/')) || !request.Path.Value!.EndsWith('/'))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        long? declared = request.ContentLength;
        long received = 0;
        PipeReader body = request.BodyReader;
        while (true)
        {
            ReadResult read = await body.ReadAsync(context.RequestAborted);
            received += read.Buffer.Length;
            body.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                break;
            }
        }

        context.Response.StatusCode = declared switch
        {
            null => StatusCodes.Status411LengthRequired,
            _ when declared != received || received == 0 => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status204NoContent,
        };
    }
}
