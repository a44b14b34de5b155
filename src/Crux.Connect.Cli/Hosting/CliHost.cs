using Spectre.Console;

namespace Crux.Connect.Cli.Hosting;

/// <summary>
/// Everything <c>crux</c> takes from the process: its streams, its environment variables, whether each stream is a
/// terminal, and Ctrl+C. <see cref="Program"/> builds it from the real process; tests build one from strings, so the
/// same code runs in-process and as a process.
/// </summary>
internal sealed class CliHost
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    public required TextReader In { get; init; }

    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    public bool OutIsTerminal { get; init; }

    public bool ErrorIsTerminal { get; init; }

    public bool InIsTerminal { get; init; }

    /// <summary>Where prompts (password, confirmation) are shown and keys read; <see langword="null"/> builds one on standard error
    /// when standard input is a terminal. Tests pass Spectre's TestConsole.</summary>
    public IAnsiConsole? PromptConsole { get; init; }

    /// <summary>The first Ctrl+C, SIGTERM or SIGHUP: start nothing new, let what is in flight finish.</summary>
    public CancellationToken Stop { get; init; }

    /// <summary>The second Ctrl+C or signal, of any kind: abandon what is in flight too.</summary>
    public CancellationToken Abort { get; init; }

    /// <summary>What cancelled <see cref="Stop"/>, as the notice names it: "Ctrl+C", "SIGTERM" or "SIGHUP".</summary>
    public Func<string> StoppedBy { get; init; } = () => "Ctrl+C";

    /// <summary>Told after each user of a bulk plan ("Planned") or apply ("Applied") is done, with how many are: tests use it to
    /// press Ctrl+C, or change the simulator's rate limit, at a known point.</summary>
    public Action<string, int>? OnProgress { get; init; }

    /// <summary>The clock (a plan's age, the audit log's times); tests pass a FakeTimeProvider.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Gets the COLUMNS environment variable, when it is a width: tables are rendered for it.</summary>
    public int? Columns => int.TryParse(GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int columns) && columns is >= 20 and <= 1000 ? columns : null;

    /// <summary>Gets a value indicating whether NO_COLOR (https://no-color.org) asks for no colour: set and not empty.</summary>
    public bool NoColor => !string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR"));
}
