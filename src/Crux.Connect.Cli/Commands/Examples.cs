using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Crux.Connect.Cli.Commands;

/// <summary>
/// Examples for each command's <c>--help</c>, printed after System.CommandLine's own help (its <see cref="HelpAction"/>
/// does the rest), and the exit codes after the root command's.
/// </summary>
internal sealed class Examples
{
    private readonly Dictionary<Command, string[]> _examples = [];

    public void Add(Command command, params string[] lines) => _examples[command] = lines;

    public void Install(RootCommand root, string epilogue)
    {
        HelpOption help = root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction((HelpAction)help.Action!, _examples, root, epilogue);
    }

    private sealed class ExamplesHelpAction(HelpAction inner, Dictionary<Command, string[]> examples, RootCommand root, string epilogue)
        : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            int result = inner.Invoke(parseResult);
            TextWriter output = parseResult.InvocationConfiguration.Output;
            Command command = parseResult.CommandResult.Command;
            if (examples.TryGetValue(command, out string[]? lines))
            {
                output.WriteLine(lines.Length == 1 ? "Example:" : "Examples:");
                foreach (string line in lines)
                {
                    output.WriteLine("  " + line);
                }

                output.WriteLine();
            }

            if (command == root)
            {
                output.WriteLine(epilogue);
            }

            return result;
        }
    }
}
