namespace Crux.Connect.Cli.Changes;

/// <summary>What a set operation would do (a plan) or did (an outcome) to one user: uuids removed, added, and kept.</summary>
internal sealed record PermissionChange(Guid User, IReadOnlyList<Guid> Remove, IReadOnlyList<Guid> Add, IReadOnlyList<Guid> Unchanged)
{
    public bool IsChange => Remove.Count > 0 || Add.Count > 0;
}
