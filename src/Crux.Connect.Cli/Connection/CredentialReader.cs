using Crux.Connect.Cli.Hosting;
using Spectre.Console;

namespace Crux.Connect.Cli.Connection;

/// <summary>
/// Finds the credentials for a run, in this order: <c>--token-stdin</c>; <c>--username</c> with the password prompted
/// without echo (or <c>--password-stdin</c>); <c>CRUX_API_TOKEN</c>; on the simulator, its seeded administrator.
/// What is read is handed to the SDK's options and nowhere else: never printed, logged or written.
/// </summary>
internal static class CredentialReader
{
    public static async Task ApplyAsync(CliSettings settings, CliHost host, IAnsiConsole? prompter, CruxClientOptions options, Func<string>? simulatorToken)
    {
        if (settings.TokenStdin && settings.Username is not null)
        {
            throw new UsageException("--token-stdin and --username exclude each other: give a token or a user name, not both.");
        }

        if (settings.PasswordStdin && settings.Username is null)
        {
            throw new UsageException("--password-stdin needs --username.");
        }

        if (settings.TokenStdin)
        {
            options.ApiToken = ReadLine(host, "--token-stdin", "token").Trim();
            return;
        }

        if (settings.Username is { } username)
        {
            if (string.IsNullOrWhiteSpace(username))
            {
                throw new UsageException("--username must not be empty.");
            }

            string password = settings.PasswordStdin
                ? ReadLine(host, "--password-stdin", "password")
                : await PromptAsync(host, prompter, username).ConfigureAwait(false);
            options.Credentials = new CruxCredentials(username, password);
            return;
        }

        string? token = host.GetEnvironmentVariable(GlobalOptions.TokenVariable);
        if (!string.IsNullOrWhiteSpace(token))
        {
            options.ApiToken = token.Trim();
            return;
        }

        options.ApiToken = simulatorToken?.Invoke() ?? throw new CredentialsException(
            $"No credentials: set {GlobalOptions.TokenVariable}, pipe a token with --token-stdin, or log in with --username.");
    }

    private static string ReadLine(CliHost host, string option, string what)
    {
        // Only the line break goes: a password may begin or end with a space.
        string? line = host.In.ReadLine()?.TrimEnd('\r');
        return string.IsNullOrWhiteSpace(line)
            ? throw new CredentialsException($"{option}: standard input held no {what}.")
            : line;
    }

    private static async Task<string> PromptAsync(CliHost host, IAnsiConsole? console, string username)
    {
        if (console is null)
        {
            throw new CredentialsException("Cannot prompt for the password: standard input or error is not a terminal. Pipe it with --password-stdin.");
        }

        // Secret(null): nothing is echoed, not even a mask, so the length is not shown either. Ctrl+C ends the wait.
        string password = await new TextPrompt<string>($"Password for {Markup.Escape(username)}:").Secret(null)
            .ShowAsync(console, host.Stop).ConfigureAwait(false);
        return string.IsNullOrEmpty(password) ? throw new CredentialsException("No password was entered.") : password;
    }
}
