namespace Crux.Connect.Cli.Changes;

/// <summary>
/// What setting one user's permissions would do (from the SDK's <see cref="UserPermissionPlan"/>) or did (from its
/// <see cref="SetPermissionsResult"/>): the permissions removed, added and kept, and whether the user had changed
/// between the plan and the apply.
/// </summary>
internal sealed record PermissionChange(
    Guid User, IReadOnlyList<Permission> Remove, IReadOnlyList<Permission> Add, IReadOnlyList<Permission> Unchanged, bool Drifted = false)
{
    /// <summary>Gets the server's request ids of the read, the removal and the addition (for the audit log), when done.</summary>
    public (string? Read, string? Remove, string? Add) RequestIds { get; init; }

    public bool IsChange => Remove.Count > 0 || Add.Count > 0;

    public static PermissionChange Planned(UserPermissionPlan plan) => new(plan.UserUuid, plan.ToRemove, plan.ToAdd, plan.Unchanged);

    /// <summary>What was done; drifted when it is not what <paramref name="planned"/> said would be done.</summary>
    public static PermissionChange Done(SetPermissionsResult result, PermissionChange? planned) => new(
        result.UserUuid,
        result.Removed,
        result.Added,
        result.Unchanged,
        planned is not null && !(SameSet(planned.Remove, result.Removed) && SameSet(planned.Add, result.Added)))
    {
        RequestIds = (result.ReadRequestId, result.RemoveRequestId, result.AddRequestId),
    };

    private static bool SameSet(IReadOnlyList<Permission> a, IReadOnlyList<Permission> b) =>
        a.Count == b.Count && a.Select(p => p.Uuid).ToHashSet().SetEquals(b.Select(p => p.Uuid));
}
