using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Permissions;

namespace Crux.Connect.Cli.Commands.User;

/// <summary>What one user holds, and what their organization can hold, read before a change so that the change is reported
/// as what it did, and a permission the organization cannot hold is refused by name before anything is sent.</summary>
internal sealed class UserHolding
{
    private readonly HashSet<Guid> _held;

    private UserHolding(HashSet<Guid> held) => _held = held;

    public bool Holds(Guid permission) => _held.Contains(permission);

    public static async Task<UserHolding> ReadAsync(CliConnection connection, CatalogIndex catalog, Guid user, IReadOnlyList<Guid> wanted, CancellationToken cancellationToken)
    {
        IReadOnlyList<PermissionAssignment> assignments = await connection.Users.GetPermissionsAsync(user, cancellationToken).ConfigureAwait(false);
        var holdable = assignments.Select(a => a.Permission.Uuid).ToHashSet();
        string[] unavailable = [.. catalog.PermissionsOf(wanted.Where(u => !holdable.Contains(u))).Select(CatalogIndex.NotAvailableMessage)];
        return unavailable.Length > 0
            ? throw new UsageException(string.Join(Environment.NewLine, unavailable) + " Nothing was changed.")
            : new UserHolding([.. assignments.Where(a => a.Assigned).Select(a => a.Permission.Uuid)]);
    }
}
