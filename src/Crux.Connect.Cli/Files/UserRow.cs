namespace Crux.Connect.Cli.Files;

/// <summary>One user of a bulk file: who, and the permissions or the role they should now hold (both: the union).</summary>
internal sealed record UserRow(Guid User, SourcePosition Position, IReadOnlyList<PermissionRef> Permissions, PermissionRef? Role);
