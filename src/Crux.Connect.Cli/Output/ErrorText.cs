using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Permissions;

namespace Crux.Connect.Cli.Output;

/// <summary>One line on why a user failed, for the tables, the JSON and the failed-users file.</summary>
internal static class ErrorText
{
    public static string Describe(Exception exception, CatalogIndex catalog) => exception switch
    {
        PermissionNotAvailableException n => $"not available to this user's organization: {string.Join(", ", catalog.NamesOf(n.Permissions))}",
        CruxApiException api => $"{(int)api.StatusCode} {api.StatusCode}: {api.Detail ?? api.Message}",
        OperationCanceledException => "interrupted by a second Ctrl+C while in flight; run the file again to settle it",
        _ => exception.Message,
    };
}
