using System.CommandLine;
using System.CommandLine.Help;
using Crux.Connect.Cli.Commands;
using Crux.Connect.Cli.Commands.Bulk;
using Crux.Connect.Cli.Commands.Catalog;
using Crux.Connect.Cli.Commands.Simulator;
using Crux.Connect.Cli.Commands.User;
using Crux.Connect.Cli.Hosting;

namespace Crux.Connect.Cli;

/// <summary>The <c>crux</c> command line: the commands, their options and help, parsed by System.CommandLine.</summary>
internal static class CruxCli
{
    public const string ExitCodesHelp = """
        Exit codes:
          0    success
          1    failed: the server refused or could not be reached, or some users of a bulk run failed
          2    usage error: bad arguments, no environment chosen, missing or malformed file, unknown permission (nothing changed)
          3    authentication failed: token or user name and password rejected, or none given (nothing changed)
          130  cancelled: Ctrl+C (what was in flight finished; the users left are in the failed-users file) or the confirmation declined

        Credentials (never printed, logged or written): CRUX_API_TOKEN, --token-stdin, or --username (password prompted without echo).
        """;

    public static async Task<int> RunAsync(string[] args, CliHost host)
    {
        var globals = new GlobalOptions();
        RootCommand root = Build(host, globals);
        ParseResult parseResult = root.Parse(args);
        bool helpOrVersion = parseResult.GetResult(root.Options.OfType<HelpOption>().Single()) is not null
            || parseResult.GetResult(root.Options.OfType<VersionOption>().Single()) is not null;
        if (parseResult.Errors.Count > 0 && !helpOrVersion)
        {
            var context = new CliContext(host, new CliSettings { Json = AsksForJson(parseResult, globals) });
            string command = string.Join(' ', parseResult.CommandResult.Command is var c && c != root ? ["crux", .. Path(c, root)] : ["crux"]);
            CommandRunner.Report(
                context,
                "usage",
                ExitCodes.Usage,
                string.Join(Environment.NewLine, parseResult.Errors.Select(e => e.Message)) + Suggestions(parseResult) + $"{Environment.NewLine}See '{command} --help'.");
            return ExitCodes.Usage;
        }

        return await parseResult.InvokeAsync(new InvocationConfiguration
        {
            Output = host.Out,
            Error = host.Error,

            // Ctrl+C is the tool's own (stop new work, finish what is in flight); System.CommandLine must not end the process.
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        }).ConfigureAwait(false);
    }

    public static RootCommand Build(CliHost host, GlobalOptions globals)
    {
        var runner = new CommandRunner(host, globals);
        var examples = new Examples();
        var root = new RootCommand(
            "crux: the Crux Connect SDK on the command line. List the permission catalog; show, add, remove or set a user's "
            + "permissions; plan and apply changes for many users from a CSV or JSON file. Every run names its environment "
            + "(--environment, --base-address, or --simulator to try it with no account and no network).")
        {
            CatalogCommand.Create(runner, examples),
            UserCommand.Create(runner, examples),
            BulkCommand.Create(runner, examples),
            SimulatorCommand.Create(runner, examples),
        };
        foreach (Option option in globals.All)
        {
            root.Options.Add(option);
        }

        examples.Add(
            root,
            "crux --simulator catalog list",
            "crux simulator users",
            "crux --simulator user show <uuid>",
            "crux --simulator bulk apply team.csv --roles roles.json",
            "CRUX_API_TOKEN=... crux --environment sandbox user remove <uuid> edit_org_users");
        examples.Install(root, ExitCodesHelp);
        return root;
    }

    /// <summary>"Did you mean" for each word that is not a command or option here (crux usr -> user).</summary>
    private static string Suggestions(ParseResult parseResult)
    {
        Command command = parseResult.CommandResult.Command;
        string[] known = [.. command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name)), .. command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))];
        return string.Concat(parseResult.UnmatchedTokens
            .Select(token => (Token: token, Hint: Output.DidYouMean.Suggest(token, known)))
            .Where(s => s.Hint.Length > 0)
            .Select(s => $"{Environment.NewLine}'{Output.TerminalText.Escape(s.Token)}':{s.Hint}"));
    }

    /// <summary>Whether a command line that failed to parse still asked for JSON (so the error comes as a JSON document too).</summary>
    private static bool AsksForJson(ParseResult parseResult, GlobalOptions globals)
    {
        try
        {
            return parseResult.GetValue(globals.Output) == "json";
        }
        catch (InvalidOperationException)
        {
            return false; // --output itself is what was wrong
        }
    }

    private static Stack<string> Path(Command command, RootCommand root)
    {
        var names = new Stack<string>();
        for (Symbol? s = command; s is not null && s != root; s = s.Parents.FirstOrDefault())
        {
            names.Push(s.Name);
        }

        return names;
    }
}
