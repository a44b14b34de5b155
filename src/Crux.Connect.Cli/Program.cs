using Crux.Connect.Cli;
using Crux.Connect.Cli.Hosting;

// The first Ctrl+C stops new work and lets what is in flight finish (the run then prints its summary and exits 130);
// the second abandons what is in flight too. Neither kills the process: the run always gets to say what it did.
using var stop = new CancellationTokenSource();
using var abort = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    if (stop.IsCancellationRequested)
    {
        abort.Cancel();
    }
    else
    {
        stop.Cancel();
    }
};

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
};
return await CruxCli.RunAsync(args, host).ConfigureAwait(false);
