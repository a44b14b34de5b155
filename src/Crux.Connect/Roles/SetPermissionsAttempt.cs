namespace Crux.Connect.Roles;

/// <summary>
/// What one user's change has done so far: a PATCH that fails after its DELETE succeeded must still say what went
/// (<see cref="Partial"/>). A rate-limited DELETE or PATCH is sent again by the pipeline, not from a fresh read.
/// A user is worked on by one try at a time, so this needs no lock.
/// </summary>
internal sealed class SetPermissionsAttempt
{
    private readonly List<Permission> _removed = [];
    private readonly List<Permission> _triedToAdd = [];

    public SetPermissionsAttempt(Guid userUuid)
    {
        UserUuid = userUuid;
    }

    public Guid UserUuid { get; }

    public IReadOnlyList<Permission> Removed => _removed;

    public string? RemoveRequestId { get; private set; }

    /// <summary>Gets what the last try was about to add when it stopped.</summary>
    public IReadOnlyList<Permission> PendingAdditions { get; private set; } = [];

    /// <summary>Records what this try is about to add: if its answer is lost and the next try finds them held, they still count as added.</summary>
    public void AddingNext(IReadOnlyList<Permission> additions)
    {
        PendingAdditions = additions;
        Merge(_triedToAdd, additions);
    }

    public void RecordRemoved(IReadOnlyList<Permission> removed, string? requestId)
    {
        Merge(_removed, removed);
        RemoveRequestId = requestId;
    }

    public SetPermissionsResult Succeeded(UserPermissionPlan plan, string? readRequestId, string? addRequestId)
    {
        // A permission an earlier try sent in a PATCH whose answer was lost is held now: it was added by this change, not kept.
        var addedEarlier = new List<Permission>();
        var unchanged = new List<Permission>();
        foreach (Permission permission in plan.Unchanged)
        {
            (_triedToAdd.Exists(p => p.Uuid == permission.Uuid) ? addedEarlier : unchanged).Add(permission);
        }

        return new(UserUuid, [.. _removed], [.. addedEarlier, .. plan.ToAdd], unchanged, readRequestId, RemoveRequestId, addRequestId);
    }

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

    private static void Merge(List<Permission> into, IReadOnlyList<Permission> permissions)
    {
        foreach (Permission permission in permissions)
        {
            if (!into.Exists(p => p.Uuid == permission.Uuid))
            {
                into.Add(permission);
            }
        }
    }
}
