using Spectre.Console;

namespace Crux.Connect.Cli.Hosting;

/// <summary>Spectre.Console consoles over the host's streams: colour and live rendering only on a terminal, never with NO_COLOR.</summary>
internal static class Consoles
{
    // Wide enough that a table piped to a file or read by a test is not wrapped at the 80 columns Spectre assumes
    // when it cannot ask a terminal.
    private const int RedirectedWidth = 200;

    public static IAnsiConsole Create(TextWriter writer, bool isTerminal, bool noColor)
    {
        bool colour = isTerminal && !noColor;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
