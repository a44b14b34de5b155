using System.Diagnostics;
using Crux.Connect.Cli.Hosting;
using Spectre.Console;

namespace Crux.Connect.Cli.Tests.Support;

/// <summary>Runs crux in-process (the same entry point as the program, with strings for streams) or as a process.</summary>
public static class CruxTool
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "crux.dll");

    public static async Task<CliResult> RunAsync(
        string[] args,
        IReadOnlyDictionary<string, string?>? environment = null,
        string stdin = "",
        IAnsiConsole? prompt = null,
        Action<string, int>? onProgress = null,
        CancellationToken stop = default,
        bool terminal = false,
        CancellationToken abort = default,
        TimeProvider? time = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost
        {
            Out = output,
            Error = error,
            In = new StringReader(stdin),
            GetEnvironmentVariable = name => environment?.GetValueOrDefault(name),
            OutIsTerminal = terminal,
            ErrorIsTerminal = terminal,
            InIsTerminal = terminal,
            PromptConsole = prompt,
            Stop = stop,
            Abort = abort,
            OnProgress = onProgress,
            Time = time ?? TimeProvider.System,
        };
        int code = await CruxCli.RunAsync(args, host);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>dotnet exec crux.dll</c>; <paramref name="onErrorLine"/> sees standard error line by line as it comes.</summary>
    public static async Task<CliResult> RunProcessAsync(
        string[] args,
        IReadOnlyDictionary<string, string?>? environment = null,
        string stdin = "",
        Action<Process, string>? onErrorLine = null,
        Action<Process>? onStarted = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A clean environment for what crux reads: no token or colour setting leaks in from the machine running the tests.
        start.Environment.Remove("CRUX_API_TOKEN");
        start.Environment.Remove("NO_COLOR");
        foreach ((string name, string? value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        onStarted?.Invoke(process);
        var error = new System.Text.StringBuilder();
        var errorDone = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                errorDone.TrySetResult();
                return;
            }

            lock (error)
            {
                error.AppendLine(e.Data);
            }

            onErrorLine?.Invoke(process, e.Data);
        };
        process.BeginErrorReadLine();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await errorDone.Task.WaitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, error.ToString());
    }
}
