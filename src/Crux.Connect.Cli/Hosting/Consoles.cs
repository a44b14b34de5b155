using Spectre.Console;

namespace Crux.Connect.Cli.Hosting;

/// <summary>Spectre.Console consoles over the host's streams: colour and live rendering only on a terminal, never with NO_COLOR.</summary>
internal static class Consoles
{
    // Wide enough that a table piped to a file or read by a test is not wrapped at the 80 columns Spectre assumes
    // when it cannot ask a terminal.
    private const int RedirectedWidth = 200;

    /// <param name="writer">Where the console writes.</param>
    /// <param name="isTerminal">Whether that is a terminal (colour, live rendering, its own width).</param>
    /// <param name="noColor">NO_COLOR.</param>
    /// <param name="columns">COLUMNS, when set: the width to render for, on a terminal or not (80 to check a table fits).</param>
    public static IAnsiConsole Create(TextWriter writer, bool isTerminal, bool noColor, int? columns)
    {
        bool colour = isTerminal && !noColor;
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (columns is > 0)
        {
            console.Profile.Width = columns.Value;
        }
        else if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
