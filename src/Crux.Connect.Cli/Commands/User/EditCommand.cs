using System.CommandLine;
using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Permissions;

namespace Crux.Connect.Cli.Commands.User;

/// <summary>
/// What <c>user add</c> and <c>user remove</c> share. The user is read first (as <c>user set</c> does), so the output says
/// what the server changed: a permission not held is "not held", never "removed"; one already held is "already held", never
/// "added"; and only the real changes are sent.
/// </summary>
internal static class EditCommand
{
    public const string Add = "add";

    public const string Remove = "remove";

    public static Command Create(CommandRunner runner, Examples examples, string operation, string description)
    {
        Argument<string> userArgument = UserArgument.Create();
        var permissions = new Argument<string[]>("permissions") { Description = "Permission names or uuids.", Arity = ArgumentArity.OneOrMore };
        var command = new Command(operation, description) { userArgument, permissions };
        runner.SetAction(command, (parseResult, context) =>
            RunAsync(context, UserArgument.Parse(parseResult, userArgument), parseResult.GetRequiredValue(permissions), operation));
        examples.Add(
            command,
            $"crux --simulator user {operation} {SimulatorSeed.SupplierMember} export_order cancel_order",
            $"crux --environment production user {operation} <uuid> view_order --output json");
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, Guid user, IReadOnlyList<string> permissions, string operation)
    {
        using CliConnection connection = await context.ConnectAsync().ConfigureAwait(false);
        context.AnnounceEnvironment(connection.Environment);
        CatalogIndex catalog = await CatalogIndex.LoadAsync(connection.Users, context.Host.Stop).ConfigureAwait(false);
        IReadOnlyList<Guid> uuids = catalog.ResolveOrThrow(permissions);
        UserHolding holding = await UserHolding.ReadAsync(connection, catalog, user, uuids, context.Host.Stop).ConfigureAwait(false);

        bool add = operation == Add;
        Guid[] toSend = [.. uuids.Where(u => holding.Holds(u) != add)];
        Guid[] skipped = [.. uuids.Where(u => holding.Holds(u) == add)];
        IReadOnlyList<Guid> sent = [];
        if (toSend.Length > 0)
        {
            // Once sent, a change is let finish on Ctrl+C (only a second one abandons it), as in a bulk apply.
            sent = add
                ? (await connection.Users.AddPermissionsAsync(user, toSend, context.Host.Abort).ConfigureAwait(false)).PermissionUuids
                : (await connection.Users.RemovePermissionsAsync(user, toSend, context.Host.Abort).ConfigureAwait(false)).PermissionUuids;
        }

        IReadOnlyList<Permission> done = catalog.PermissionsOf(sent);
        IReadOnlyList<Permission> notDone = catalog.PermissionsOf(skipped);
        var report = new UserChangeReport(user, operation, DryRun: false)
        {
            Removed = add ? [] : done,
            Added = add ? done : [],
            NotHeld = add ? [] : notDone,
            AlreadyHeld = add ? notDone : [],
        };
        report.Write(context, connection);
        return ExitCodes.Success;
    }
}
