using System.CommandLine;
using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Input;
using Crux.Connect.Cli.Output;
using Crux.Connect.Cli.Permissions;

namespace Crux.Connect.Cli.Commands.User;

/// <summary><c>crux user set USER [PERMISSION...] [--role R --roles FILE] [--dry-run]</c>: make the user's permissions exactly a list.</summary>
internal static class SetCommand
{
    public static Command Create(CommandRunner runner, Examples examples)
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
        runner.SetAction(set, (parseResult, context) => RunAsync(
            context,
            UserArgument.Parse(parseResult, userArgument),
            parseResult.GetValue(permissions) ?? [],
            parseResult.GetValue(role),
            RolesOption.Load(parseResult, roles),
            parseResult.GetValue(dryRun)));
        examples.Add(
            set,
            $"crux --simulator user set {SimulatorSeed.SupplierMember} view_org_users view_order",
            $"crux --simulator user set {SimulatorSeed.SupplierMember} --role viewer --roles roles.json --dry-run");
        return set;
    }

    public static async Task<int> RunAsync(CliContext context, Guid user, IReadOnlyList<string> listed, string? roleName, RolesFile? rolesFile, bool dryRun)
    {
        List<string> wanted = [.. listed];
        if (roleName is not null)
        {
            if (rolesFile is null)
            {
                throw new UsageException("--role needs a roles file: --roles <file>.");
            }

            wanted.AddRange(rolesFile.TryGet(roleName, out IReadOnlyList<PermissionRef> granted)
                ? granted.Select(g => g.Value)
                : throw new UsageException(rolesFile.UnknownRoleMessage(roleName)));
        }
        else if (listed.Count == 0)
        {
            throw new UsageException("Name the permissions the user should hold, or a --role.");
        }

        using CliConnection connection = await context.ConnectAsync().ConfigureAwait(false);
        context.AnnounceEnvironment(connection.Environment);
        CatalogIndex catalog = await CatalogIndex.LoadAsync(connection.Users, context.Host.Stop).ConfigureAwait(false);
        IReadOnlyList<Guid> desired = catalog.ResolveOrThrow(wanted);
        if (desired.Count == 0)
        {
            throw new UsageException($"The role '{TerminalText.Escape(roleName)}' lists no permission; to take every permission away, use 'crux user remove'.");
        }

        // By uuid, resolved through the catalog read above: the catalog is read once per command.
        PermissionChange change = dryRun
            ? PermissionChange.Planned((await connection.Users.PlanPermissionChangesAsync(user, desired, context.Host.Stop).ConfigureAwait(false)).Users[0])
            : PermissionChange.Done(await connection.Users.SetPermissionsAsync(user, desired, context.Host.Abort).ConfigureAwait(false), planned: null);
        new UserChangeReport(user, "set", dryRun) { Removed = change.Remove, Added = change.Add, Unchanged = change.Unchanged }.Write(context, connection);
        return ExitCodes.Success;
    }
}
