using System.CommandLine;
using Crux.Connect.Cli.Hosting;
using Crux.Connect.Cli.Output;

namespace Crux.Connect.Cli;

/// <summary>
/// Runs a command's body and turns how it ended into an exit code and a message: the one place where errors meet the
/// person (standard error) and the script (the exit code, and with --output json an error document on standard output).
/// Messages come from the SDK's exceptions, which never carry a token or password, and from the tool's own text.
/// </summary>
internal sealed class CommandRunner(CliHost host, GlobalOptions globals)
{
    public void SetAction(Command command, Func<ParseResult, CliContext, Task<int>> body) =>
        command.SetAction((parseResult, _) => RunAsync(parseResult, body));

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The command's last stop: every failure becomes a message and an exit code, never a stack trace.")]
    private async Task<int> RunAsync(ParseResult parseResult, Func<ParseResult, CliContext, Task<int>> body)
    {
        var context = new CliContext(host, globals.Read(parseResult));
        try
        {
            return await body(parseResult, context).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            (string kind, int code, string message) = Classify(exception, host);
            if (exception is CruxAuthenticationException && context.Settings.Simulator && context.Settings.Username is null)
            {
                message += $" The simulator's users have tokens of their own: without {GlobalOptions.TokenVariable} and --token-stdin, crux acts as admin@supplier.example.";
            }

            Report(context, kind, code, message);
            return code;
        }
    }

    public static void Report(CliContext context, string kind, int code, string message)
    {
        context.ErrorLine("error: ", "red", message);
        if (context.Json)
        {
            context.WriteJson(new JsonError(new JsonErrorDetail(kind, message, code)), CliJsonContext.Readable.JsonError);
        }
    }

    /// <summary>" (the server said: ...)" when the server said more than the status's own name.</summary>
    private static string ServerSaid(string? detail) =>
        string.IsNullOrWhiteSpace(detail) || detail.Trim().TrimEnd('.').Equals("Not found", StringComparison.OrdinalIgnoreCase)
            ? string.Empty
            : $" (the server said: {TerminalText.Escape(detail, TerminalText.MaxLength)})";

    private static (string Kind, int Code, string Message) Classify(Exception exception, CliHost host) => exception switch
    {
        UsageException usage => ("usage", ExitCodes.Usage, usage.Message),
        CredentialsException credentials => ("authentication", ExitCodes.Authentication, credentials.Message),
        CruxAuthenticationException auth => ("authentication", ExitCodes.Authentication,
            $"Authentication failed: {auth.Detail ?? auth.Message} Check the token ({GlobalOptions.TokenVariable} or --token-stdin) or the user name and password."),
        OperationCanceledException when host.Stop.IsCancellationRequested || host.Abort.IsCancellationRequested =>
            ("cancelled", ExitCodes.Cancelled, "Cancelled; nothing more was started."),
        CruxPermissionDeniedException denied => ("failed", ExitCodes.Failed,
            $"Permission denied: {denied.Detail ?? denied.Message} (changing permissions needs edit_org_users, reading them view_org_users)."),
        CruxNotFoundException notFound => ("failed", ExitCodes.Failed,
            $"Not found: no such user in your organization{ServerSaid(notFound.Detail)}."),
        CruxException crux => ("failed", ExitCodes.Failed, crux.Message),

        // The SDK's own check of arguments (a bad name, an empty list) names what is wrong before anything is sent.
        ArgumentException argument => ("usage", ExitCodes.Usage, AdministratorWords.Of(argument)),
        _ => ("failed", ExitCodes.Failed, $"{exception.GetType().Name}: {exception.Message}"),
    };
}
