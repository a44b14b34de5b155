using System.CommandLine;

namespace Crux.Connect.Cli;

/// <summary>The options every command takes (recursive: they may stand before or after the command's name).</summary>
internal sealed class GlobalOptions
{
    public const string TokenVariable = "CRUX_API_TOKEN";

    public Option<string?> Environment { get; } = new("--environment", "-e")
    {
        Description = "The Crux Connect environment: sandbox or production. Exactly one of --environment, --base-address and --simulator is required.",
        HelpName = "sandbox|production",
        Recursive = true,
    };

    public Option<string?> BaseAddress { get; } = new("--base-address")
    {
        Description = "The API's address, instead of --environment (a gateway, a proxy, a local server; http only on loopback).",
        HelpName = "url",
        Recursive = true,
    };

    public Option<bool> Simulator { get; } = new("--simulator")
    {
        Description = "Run against the embedded simulator (Crux.Connect.Testing) with its seeded users: no account, no network. "
            + "Each run starts from the same seeded state; without credentials it acts as admin@supplier.example.",
        Recursive = true,
    };

    public Option<string> Output { get; } = new("--output", "-o")
    {
        Description = "human (tables) or json (one JSON document on standard output, documented in the README).",
        HelpName = "human|json",
        DefaultValueFactory = _ => "human",
        Recursive = true,
    };

    public Option<bool> TokenStdin { get; } = new("--token-stdin")
    {
        Description = $"Read the API token from the first line of standard input (instead of {TokenVariable}).",
        Recursive = true,
    };

    public Option<string?> Username { get; } = new("--username", "-u")
    {
        Description = "Log in as this user; the password is prompted without echo (or read with --password-stdin).",
        HelpName = "name",
        Recursive = true,
    };

    public Option<bool> PasswordStdin { get; } = new("--password-stdin")
    {
        Description = "With --username: read the password from the first line of standard input instead of prompting.",
        Recursive = true,
    };

    public Option<bool> Wide { get; } = new("--wide")
    {
        Description = "Show whole uuids in tables (by default a short unique prefix, so tables fit 80 columns; the JSON always has them whole).",
        Recursive = true,
    };

    public GlobalOptions()
    {
        Environment.AcceptOnlyFromAmong("sandbox", "production");
        Output.AcceptOnlyFromAmong("human", "json");
    }

    public IEnumerable<Option> All => [Environment, BaseAddress, Simulator, Output, Wide, TokenStdin, Username, PasswordStdin];

    public CliSettings Read(ParseResult parseResult) => new()
    {
        Environment = parseResult.GetValue(Environment),
        BaseAddress = parseResult.GetValue(BaseAddress),
        Simulator = parseResult.GetValue(Simulator),
        Json = parseResult.GetValue(Output) == "json",
        TokenStdin = parseResult.GetValue(TokenStdin),
        Username = parseResult.GetValue(Username),
        PasswordStdin = parseResult.GetValue(PasswordStdin),
        Wide = parseResult.GetValue(Wide),
    };
}
