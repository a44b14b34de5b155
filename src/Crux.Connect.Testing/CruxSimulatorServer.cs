using Microsoft.AspNetCore.Builder;

namespace Crux.Connect.Testing;

/// <summary>A running Kestrel host serving a <see cref="CruxSimulator"/> over real HTTP on 127.0.0.1.
/// Dispose it (<c>await using</c>) to stop it.</summary>
public sealed class CruxSimulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    internal CruxSimulatorServer(WebApplication app, Uri baseAddress, CruxSimulator simulator)
    {
        _app = app;
        BaseAddress = baseAddress;
        Simulator = simulator;
    }

    /// <summary>Gets the root of the API, e.g. <c>http://127.0.0.1:54321/</c>, always with a trailing slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the simulator whose state this host serves.</summary>
    public CruxSimulator Simulator { get; }

    /// <summary>Stops the host and releases its port. Safe to call more than once.</summary>
    /// <returns>A task that completes when the host has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
