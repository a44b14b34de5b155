using System.Runtime.InteropServices;
using Crux.Connect.Cli;
using Crux.Connect.Cli.Hosting;

// The first Ctrl+C (SIGINT), SIGTERM (what timeout, systemd, Kubernetes and CI send) or SIGHUP (the terminal closed) stops new
// work and lets what is in flight finish (the run then prints its summary, writes the users left and exits 130); a second
// signal, of any kind, abandons what is in flight too. Neither kills the process: the run always gets to say what it did. A
// third one does.
using var stop = new CancellationTokenSource();
using var abort = new CancellationTokenSource();
string stoppedBy = "Ctrl+C";
void OnSignal(PosixSignalContext signal)
{
    // A third signal ends the process the default way: a command blocked where no token reaches (a read of standard input)
    // must never make the process unkillable by SIGTERM.
    if (abort.IsCancellationRequested)
    {
        return;
    }

    signal.Cancel = true; // no default termination: the run ends itself, having accounted for every user
    if (stop.IsCancellationRequested)
    {
        abort.Cancel();
        return;
    }

    Volatile.Write(ref stoppedBy, signal.Signal == PosixSignal.SIGINT ? "Ctrl+C" : signal.Signal.ToString());
    stop.Cancel();
}

using PosixSignalRegistration onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using PosixSignalRegistration onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
using PosixSignalRegistration onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);

var host = new CliHost
{
    Out = Console.Out,
    Error = Console.Error,
    In = Console.In,
    GetEnvironmentVariable = Environment.GetEnvironmentVariable,
    OutIsTerminal = !Console.IsOutputRedirected,
    ErrorIsTerminal = !Console.IsErrorRedirected,
    InIsTerminal = !Console.IsInputRedirected,
    Stop = stop.Token,
    Abort = abort.Token,
    StoppedBy = () => Volatile.Read(ref stoppedBy),
};
return await CruxCli.RunAsync(args, host).ConfigureAwait(false);
