using System.CommandLine;
using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Output;

using Spectre.Console;

namespace Crux.Connect.Cli.Commands.User;

/// <summary><c>crux user show USER</c>: every permission the user's organization can hold, assigned or not.</summary>
internal static class ShowCommand
{
    public static Command Create(CommandRunner runner, Examples examples)
    {
        Argument<string> userArgument = UserArgument.Create();
        var show = new Command("show", "Show a user's permissions: every permission their organization can hold, assigned or not.") { userArgument };
        runner.SetAction(show, (parseResult, context) => RunAsync(context, UserArgument.Parse(parseResult, userArgument)));
        examples.Add(show, $"crux --simulator user show {SimulatorSeed.SupplierMember}", "crux --environment production user show <uuid> --output json");
        return show;
    }

    public static async Task<int> RunAsync(CliContext context, Guid user)
    {
        using CliConnection connection = await context.ConnectAsync().ConfigureAwait(false);
        IReadOnlyList<PermissionAssignment> assignments = await connection.Users.GetPermissionsAsync(user, context.Host.Stop).ConfigureAwait(false);
        if (context.Json)
        {
            context.WriteJson(
                new JsonUserPermissions(user, [.. assignments.Select(a => new JsonAssignment(a.Permission.Uuid, a.Permission.Name, a.Permission.DisplayName, a.Assigned))]),
                CliJsonContext.Readable.JsonUserPermissions);
        }
        else
        {
            context.Out.Write(Tables.Assignments(assignments, context.Settings.Wide));
            context.Out.WriteLine($"{assignments.Count(a => a.Assigned)} of {assignments.Count} assigned.");
        }

        return ExitCodes.Success;
    }
}
