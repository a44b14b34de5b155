using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crux.Connect.Benchmarks.Infrastructure;

/// <summary>
/// Kestrel on 127.0.0.1, port chosen by the OS. Answers Remove User Permissions with 204 after
/// reading the whole body; answers 411 to a body without Content-Length (chunked) and 400 to a
/// body shorter than its Content-Length, so a contender that sends neither correctly fails.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private const string PathPrefix = "/" + Wire.PermissionsPath;

    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(static kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        app.Run(static context => AnswerAsync(context));
        await app.StartAsync();

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task AnswerAsync(HttpContext context)
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
