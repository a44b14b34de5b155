namespace Crux.Connect.Cli.Output;

/// <summary>One line on why a user failed, for the tables, the JSON and the failed-users file. The SDK's messages never
/// carry a token or a password.</summary>
internal static class ErrorText
{
    public static string Describe(Exception exception) => exception switch
    {
        CruxNotFoundException => "404 NotFound: no such user in your organization",
        CruxApiException api => $"{(int)api.StatusCode} {api.StatusCode}: {api.Detail ?? api.Message}",
        OperationCanceledException => "abandoned in flight by a second Ctrl+C or signal (it may be partly changed); run the users-left file again to settle it",
        _ => exception.Message,
    };
}
