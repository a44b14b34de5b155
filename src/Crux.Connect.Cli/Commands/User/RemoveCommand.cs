using System.CommandLine;

namespace Crux.Connect.Cli.Commands.User;

/// <summary><c>crux user remove USER PERMISSION...</c>: remove permissions; those not held are reported as such, not as removed.</summary>
internal static class RemoveCommand
{
    public static Command Create(CommandRunner runner, Examples examples) =>
        EditCommand.Create(runner, examples, EditCommand.Remove, "Remove permissions (names or uuids) from a user; ones not held are reported as not held.");

    public static Task<int> RunAsync(CliContext context, Guid user, IReadOnlyList<string> permissions) =>
        EditCommand.RunAsync(context, user, permissions, EditCommand.Remove);
}
