using Crux.Connect.Cli.Connection;

namespace Crux.Connect.Cli.Changes;

/// <summary>Where the set operation comes from: the one line to change when the SDK's own lands.</summary>
internal static class PermissionSetter
{
    public static IPermissionSetter For(CliConnection connection) => new StandInPermissionSetter(connection.Users);
}
