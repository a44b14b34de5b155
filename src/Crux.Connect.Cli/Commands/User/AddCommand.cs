using System.CommandLine;

namespace Crux.Connect.Cli.Commands.User;

/// <summary><c>crux user add USER PERMISSION...</c>: add permissions; those already held are reported as such, not as added.</summary>
internal static class AddCommand
{
    public static Command Create(CommandRunner runner, Examples examples) =>
        EditCommand.Create(runner, examples, EditCommand.Add, "Add permissions (names or uuids) to a user; ones already held stay held and are reported as already held.");

    public static Task<int> RunAsync(CliContext context, Guid user, IReadOnlyList<string> permissions) =>
        EditCommand.RunAsync(context, user, permissions, EditCommand.Add);
}
