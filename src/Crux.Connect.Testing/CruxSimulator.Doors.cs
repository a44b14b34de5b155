using System.Net;
using Crux.Connect.Testing.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Crux.Connect.Testing;

public sealed partial class CruxSimulator
{
    /// <summary>Creates the in-memory front door: a handler that answers from this simulator with no sockets.
    /// Give it to an <see cref="HttpClient"/> (any absolute <c>BaseAddress</c>, e.g. <c>https://simulator.local/</c>) or to
    /// <c>ConfigurePrimaryHttpMessageHandler</c>. Each call returns a new handler over the same state.</summary>
    /// <returns>A handler; a dropped connection surfaces as <see cref="HttpRequestException"/> wrapping an <see cref="IOException"/>.</returns>
    public HttpMessageHandler CreateHandler() => new InMemoryHandler(this);

    /// <summary>Starts the HTTP front door: Kestrel on 127.0.0.1 with a free port, serving this simulator's state.
    /// Logging is off, so tests stay quiet.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; <c>await using</c> it to stop it.</returns>
    public async Task<CruxSimulatorServer> StartServerAsync(CancellationToken cancellationToken = default)
    {
        // The empty builder adds no configuration sources and no logging providers: no console noise, no env surprises.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });

        var app = builder.Build();
        app.Run(context => KestrelDoor.HandleAsync(context, this));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CruxSimulatorServer(app, new Uri(address.TrimEnd('/') + "/"), this);
    }
}
