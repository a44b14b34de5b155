using Microsoft.Extensions.Hosting;

namespace Crux.Connect.Testing.Internal;

/// <summary>
/// The simulator host's lifetime: it neither waits for nor handles Ctrl+C and SIGTERM. The default console lifetime would
/// register handlers that cancel the process's termination and stop only this inner host, so a program running a
/// simulator would no longer end on a signal. The signals stay with the application; the server stops when disposed.
/// </summary>
internal sealed class SignalFreeLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
