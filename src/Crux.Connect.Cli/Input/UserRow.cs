namespace Crux.Connect.Cli.Input;

/// <summary>One user of a bulk file: who, and the permissions or the role they should now hold (both: the union), with the
/// label a person knows them by (an e-mail or a name from the file), if any. <see cref="User"/> is empty when the file's
/// uuid was wrong (already reported): the row is still read, so its other mistakes are reported in the same run.</summary>
internal sealed record UserRow(Guid User, SourcePosition Position, IReadOnlyList<PermissionRef> Permissions, PermissionRef? Role, string? Label = null)
{
    public bool IsValid => User != Guid.Empty;
}
