using System.CommandLine;
using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Output;

namespace Crux.Connect.Cli.Commands.Catalog;

/// <summary><c>crux catalog list</c>: every permission of the environment, for the caller's organization type.</summary>
internal static class ListCommand
{
    public static Command Create(CommandRunner runner, Examples examples)
    {
        var list = new Command("list", "List every permission this environment knows (name, display name, visibility, grouping, uuid).");
        runner.SetAction(list, static (_, context) => RunAsync(context));
        examples.Add(list, "crux --simulator catalog list", "crux --environment sandbox catalog list --output json");
        return list;
    }

    public static async Task<int> RunAsync(CliContext context)
    {
        using CliConnection connection = await context.ConnectAsync().ConfigureAwait(false);
        IReadOnlyList<Permission> permissions = await connection.Users.GetAllPermissionsAsync(context.Host.Stop).ConfigureAwait(false);
        if (context.Json)
        {
            context.WriteJson(
                new JsonCatalog([.. permissions.Select(p => new JsonPermission(p.Uuid, p.Name, p.DisplayName, p.Description, p.Visibility, p.Grouping))]),
                CliJsonContext.Readable.JsonCatalog);
        }
        else
        {
            context.Out.Write(Tables.Catalog(permissions, context.Settings.Wide));
        }

        return ExitCodes.Success;
    }
}
