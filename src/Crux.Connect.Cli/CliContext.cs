using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Hosting;
using Spectre.Console;

namespace Crux.Connect.Cli;

/// <summary>One run of a command: the host, the global settings, a console on standard output for results and one on
/// standard error for everything else (the environment line, progress, prompts, errors).</summary>
internal sealed class CliContext
{
    public CliContext(CliHost host, CliSettings settings)
    {
        Host = host;
        Settings = settings;
        Out = Consoles.Create(host.Out, host.OutIsTerminal, host.NoColor, host.Columns);
        Error = Consoles.Create(host.Error, host.ErrorIsTerminal, host.NoColor, host.Columns);
    }

    public CliHost Host { get; }

    public CliSettings Settings { get; }

    public IAnsiConsole Out { get; }

    public IAnsiConsole Error { get; }

    public bool Json => Settings.Json;

    /// <summary>The console that can ask a question, or <see langword="null"/> when nobody is there to answer.</summary>
    public IAnsiConsole? Prompter => Host.PromptConsole ?? (Host.InIsTerminal && Host.ErrorIsTerminal ? Error : null);

    public Task<CliConnection> ConnectAsync() => CliConnection.OpenAsync(Settings, Host, Prompter);

    /// <summary>Says where a run that changes something goes, before it changes anything (on standard error).</summary>
    public void AnnounceEnvironment(CliEnvironment environment) => ErrorLine("Environment: ", "bold", environment.Description);

    public void Note(string text) => ErrorLine(string.Empty, "grey", text);

    /// <summary>A line on standard error: styled on a terminal, plain and never wrapped when redirected (a log, a test).
    /// Control characters in <paramref name="text"/> (from a server's message, a file) are escaped, line breaks aside: the
    /// tool's messages put each problem on a line, and every piece of outside text in them is escaped where it is quoted.</summary>
    public void ErrorLine(string prefix, string style, string text)
    {
        text = string.Join(Environment.NewLine, text.Split(Environment.NewLine).Select(line => Output.TerminalText.Escape(line)));
        if (Host.ErrorIsTerminal)
        {
            Error.MarkupLine($"{Markup.Escape(prefix)}[{style}]{Markup.Escape(text)}[/]");
        }
        else
        {
            Host.Error.WriteLine(prefix + text);
        }
    }

    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        Host.Out.Write(JsonSerializer.Serialize(value, typeInfo));
        Host.Out.WriteLine();
        Host.Out.Flush();
    }
}
