using System.CommandLine;
using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Files;
using Crux.Connect.Cli.Output;
using Crux.Connect.Cli.Permissions;
using Spectre.Console;

namespace Crux.Connect.Cli.Commands;

/// <summary><c>crux user show|add|remove|set</c>: one user's permissions.</summary>
internal static class UserCommand
{
    public static Command Create(CommandRunner runner, Examples examples)
    {
        var user = new Command("user", "One user's permissions: show them, add or remove some, or set them to exactly a list.")
        {
            Show(runner, examples),
            Change(runner, examples, "add", "Add permissions (names or uuids) to a user; ones already held stay held."),
            Change(runner, examples, "remove", "Remove permissions (names or uuids) from a user; ones not held are ignored."),
            Set(runner, examples),
        };
        examples.Add(user, "crux --simulator user show <uuid>   (uuids: crux simulator users)");
        return user;
    }

    private static Command Show(CommandRunner runner, Examples examples)
    {
        Argument<string> userArgument = UserArgument.Create();
        var show = new Command("show", "Show a user's permissions: every permission their organization can hold, assigned or not.") { userArgument };
        runner.SetAction(show, async (parseResult, context) =>
        {
            Guid user = UserArgument.Parse(parseResult, userArgument);
            using CliConnection connection = await context.ConnectAsync().ConfigureAwait(false);
            IReadOnlyList<PermissionAssignment> assignments = await connection.Users.GetPermissionsAsync(user, context.Host.Stop).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(
                    new JsonUserPermissions(user, [.. assignments.Select(a => new JsonAssignment(a.Permission.Uuid, a.Permission.Name, a.Permission.DisplayName, a.Assigned))]),
                    CliJsonContext.Default.JsonUserPermissions);
            }
            else
            {
                context.Out.Write(Tables.Assignments(assignments));
                context.Out.WriteLine($"{assignments.Count(a => a.Assigned)} of {assignments.Count} assigned.");
            }

            return ExitCodes.Success;
        });
        examples.Add(show, $"crux --simulator user show {SimulatorSeed.SupplierMember}", "crux --environment production user show <uuid> --output json");
        return show;
    }

    private static Command Change(CommandRunner runner, Examples examples, string operation, string description)
    {
        Argument<string> userArgument = UserArgument.Create();
        var permissions = new Argument<string[]>("permissions") { Description = "Permission names or uuids.", Arity = ArgumentArity.OneOrMore };
        var command = new Command(operation, description) { userArgument, permissions };
        runner.SetAction(command, async (parseResult, context) =>
        {
            Guid user = UserArgument.Parse(parseResult, userArgument);
            using CliConnection connection = await context.ConnectAsync().ConfigureAwait(false);
            context.AnnounceEnvironment(connection.Environment);
            CatalogIndex catalog = await CatalogIndex.LoadAsync(connection.Users, context.Host.Stop).ConfigureAwait(false);
            IReadOnlyList<Guid> uuids = catalog.ResolveOrThrow(parseResult.GetRequiredValue(permissions));

            // Once sent, a change is let finish on Ctrl+C (only a second one abandons it), as in a bulk apply.
            IReadOnlyList<Guid> sent = operation == "add"
                ? (await connection.Users.AddPermissionsAsync(user, uuids, context.Host.Abort).ConfigureAwait(false)).PermissionUuids
                : (await connection.Users.RemovePermissionsAsync(user, uuids, context.Host.Abort).ConfigureAwait(false)).PermissionUuids;
            IReadOnlyList<Permission> done = catalog.PermissionsOf(sent);
            var change = new PermissionChange(user, operation == "remove" ? done : [], operation == "add" ? done : [], []);
            Report(context, connection, operation, change, dryRun: false);
            return ExitCodes.Success;
        });
        examples.Add(
            command,
            $"crux --simulator user {operation} {SimulatorSeed.SupplierMember} export_order cancel_order",
            $"crux --environment production user {operation} <uuid> view_order --output json");
        return command;
    }

    private static Command Set(CommandRunner runner, Examples examples)
    {
        Argument<string> userArgument = UserArgument.Create();
        var permissions = new Argument<string[]>("permissions") { Description = "The permission names or uuids the user should hold, and no others.", Arity = ArgumentArity.ZeroOrMore };
        var role = new Option<string?>("--role") { Description = "A role from the --roles file: the user should hold exactly its permissions (plus any listed).", HelpName = "name" };
        var roles = RolesOption.Create();
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change; change nothing." };
        var set = new Command("set", "Set a user's permissions to exactly a list (or a role): remove what is not listed, then add what is missing.")
        {
            userArgument, permissions, role, roles, dryRun,
        };
        runner.SetAction(set, async (parseResult, context) =>
        {
            Guid user = UserArgument.Parse(parseResult, userArgument);
            string[] listed = parseResult.GetValue(permissions) ?? [];
            string? roleName = parseResult.GetValue(role);
            RolesFile? rolesFile = RolesOption.Load(parseResult, roles);
            List<string> wanted = [.. listed];
            if (roleName is not null)
            {
                if (rolesFile is null)
                {
                    throw new UsageException("--role needs a roles file: --roles <file>.");
                }

                wanted.AddRange(rolesFile.TryGet(roleName, out IReadOnlyList<PermissionRef> granted)
                    ? granted.Select(g => g.Value)
                    : throw new UsageException($"Unknown role '{roleName}'; {Path.GetFileName(rolesFile.Path)} defines {string.Join(", ", rolesFile.Names)}."));
            }
            else if (listed.Length == 0)
            {
                throw new UsageException("Name the permissions the user should hold, or a --role .");
            }

            bool dry = parseResult.GetValue(dryRun);
            using CliConnection connection = await context.ConnectAsync().ConfigureAwait(false);
            context.AnnounceEnvironment(connection.Environment);
            CatalogIndex catalog = await CatalogIndex.LoadAsync(connection.Users, context.Host.Stop).ConfigureAwait(false);
            IReadOnlyList<Guid> desired = catalog.ResolveOrThrow(wanted);
            if (desired.Count == 0)
            {
                throw new UsageException($"The role '{roleName}' lists no permission; to take every permission away, use 'crux user remove'.");
            }

            // By name, so that the SDK's messages (a permission the user's organization cannot hold) name them too.
            IReadOnlyList<string> names = catalog.NamesOf(desired);
            PermissionChange change = dry
                ? PermissionChange.Planned((await connection.Users.PlanPermissionChangesAsync(user, names, context.Host.Stop).ConfigureAwait(false)).Users[0])
                : PermissionChange.Done(await connection.Users.SetPermissionsAsync(user, names, context.Host.Abort).ConfigureAwait(false), planned: null);
            Report(context, connection, "set", change, dry);
            return ExitCodes.Success;
        });
        examples.Add(
            set,
            $"crux --simulator user set {SimulatorSeed.SupplierMember} view_org_users view_order",
            $"crux --simulator user set {SimulatorSeed.SupplierMember} --role viewer --roles roles.json --dry-run");
        return set;
    }

    private static void Report(CliContext context, CliConnection connection, string operation, PermissionChange change, bool dryRun)
    {
        if (context.Json)
        {
            context.WriteJson(
                new JsonChange(connection.Environment.Name, change.User, operation, dryRun, Names(change.Remove), Names(change.Add), Names(change.Unchanged)),
                CliJsonContext.Default.JsonChange);
            return;
        }

        string would = dryRun ? "Would " : string.Empty;
        context.Out.WriteLine($"User {change.User:D}{(dryRun ? " (dry run: nothing changed)" : string.Empty)}");
        if (operation == "set" && !change.IsChange)
        {
            context.Out.WriteLine("  Already as desired: nothing to change.");
        }

        Line(context.Out, $"{would}{(dryRun ? "remove" : "Removed")}", Names(change.Remove));
        Line(context.Out, $"{would}{(dryRun ? "add" : "Added")}", Names(change.Add));
        Line(context.Out, "Kept", Names(change.Unchanged));
    }

    private static IReadOnlyList<string> Names(IReadOnlyList<Permission> permissions) => [.. permissions.Select(p => p.Name)];

    private static void Line(IAnsiConsole console, string label, IReadOnlyList<string> names)
    {
        if (names.Count > 0)
        {
            console.WriteLine($"  {label}: {string.Join(", ", names)}");
        }
    }
}
