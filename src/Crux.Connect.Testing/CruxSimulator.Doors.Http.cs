using System.Net;
using Crux.Connect.Testing.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Crux.Connect.Testing;

/// <content>The HTTP front door: only on the targets where ASP.NET Core exists (net8.0 and later).</content>
public sealed partial class CruxSimulator
{
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

        // Not the console lifetime: its signal handlers would keep Ctrl+C and SIGTERM from ending the process that runs this.
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime>(new SignalFreeLifetime());
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
