namespace Crux.Connect.Cli.Changes;

/// <summary>A desired permission the user's organization cannot hold; raised before anything is changed.</summary>
internal sealed class PermissionNotAvailableException(Guid user, IReadOnlyList<Guid> permissions)
    : Exception($"{permissions.Count} permission(s) are not available to the organization of user {user}: {string.Join(", ", permissions)}.")
{
    public Guid User { get; } = user;

    public IReadOnlyList<Guid> Permissions { get; } = permissions;
}
