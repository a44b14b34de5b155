namespace Crux.Connect.Roles;

/// <summary>
/// What one user's change has done so far, kept across the tries of a bulk run: a try whose PATCH failed after its DELETE
/// succeeded is tried again from a fresh read, which finds nothing left to remove, and the result must still say what went.
/// A user is worked on by one try at a time, so this needs no lock.
/// </summary>
internal sealed class SetPermissionsAttempt
{
    private readonly List<Permission> _removed = [];

    public SetPermissionsAttempt(Guid userUuid)
    {
        UserUuid = userUuid;
    }

    public Guid UserUuid { get; }

    public IReadOnlyList<Permission> Removed => _removed;

    public string? RemoveRequestId { get; private set; }

    /// <summary>Gets what the last try was about to add when it stopped.</summary>
    public IReadOnlyList<Permission> PendingAdditions { get; set; } = [];

    public void RecordRemoved(IReadOnlyList<Permission> removed, string? requestId)
    {
        foreach (Permission permission in removed)
        {
            if (!_removed.Exists(p => p.Uuid == permission.Uuid))
            {
                _removed.Add(permission);
            }
        }

        RemoveRequestId = requestId;
    }

    public SetPermissionsResult Succeeded(UserPermissionPlan plan, string? readRequestId, string? addRequestId) =>
        new(UserUuid, [.. _removed], plan.ToAdd, plan.Unchanged, readRequestId, RemoveRequestId, addRequestId);

    public CruxPartialPermissionChangeException Partial(Exception failure) =>
        new(
            $"User {UserUuid:D}: removed {PermissionChangePlan.Names(_removed)}, but adding {PermissionChangePlan.Names(PendingAdditions)} failed " +
            $"({failure.GetType().Name}: {failure.Message}). The user holds fewer permissions than desired, never more; " +
            "running the same change again completes it.",
            UserUuid,
            [.. _removed],
            RemoveRequestId,
            PendingAdditions,
            failure);
}
