namespace Crux.Connect.Cli;

/// <summary>
/// The SDK's argument messages speak to developers (<c>ApiToken</c>, <c>(Parameter 'options')</c>); the tool's user set an
/// environment variable or an option. This says the same thing in their words, in one place.
/// </summary>
internal static class AdministratorWords
{
    private static readonly (string Developer, string Administrator)[] Names =
    [
        ("CruxClientOptions.ApiToken", $"the token ({GlobalOptions.TokenVariable} or --token-stdin)"),
        ("ApiToken", $"the token ({GlobalOptions.TokenVariable} or --token-stdin)"),
        ("CruxClientOptions.BaseAddress", "--base-address"),
        ("BaseAddress", "--base-address"),
        ("CruxClientOptions.Credentials", "--username and the password"),
        ("Credentials", "--username and the password"),
    ];

    public static string Of(ArgumentException exception)
    {
        string message = exception.Message;
        if (exception.ParamName is { } parameter)
        {
            message = message.Replace($" (Parameter '{parameter}')", string.Empty, StringComparison.Ordinal);
        }

        foreach ((string developer, string administrator) in Names)
        {
            message = message.Replace(developer, administrator, StringComparison.Ordinal);
        }

        return message;
    }
}
