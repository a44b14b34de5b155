namespace Crux.Connect.Cli.Changes;

/// <summary>
/// STAND-IN, to be replaced by the SDK's SetPermissionsAsync / PlanPermissionChangesAsync (issue 14) when they land:
/// the set operation built here from GetPermissionsAsync, RemovePermissionsAsync and AddPermissionsAsync. Read the user;
/// refuse permissions their organization cannot hold before changing anything; remove what must go (one DELETE), then
/// add what must come (one PATCH), so the user never holds more than either the old or the new set while it runs.
/// </summary>
internal sealed class StandInPermissionSetter(OrganizationUsersClient users) : IPermissionSetter
{
    public async Task<PermissionChange> PlanAsync(Guid user, IReadOnlyList<Guid> desired, CancellationToken cancellationToken)
    {
        IReadOnlyList<PermissionAssignment> assignments = await users.GetPermissionsAsync(user, cancellationToken).ConfigureAwait(false);

        // The user's list holds every permission their organization can hold, assigned or not: one missing from it
        // cannot be given to this user (a supplier-only permission for a retailer's user, say).
        var available = assignments.Select(a => a.Permission.Uuid).ToHashSet();
        Guid[] unavailable = [.. desired.Where(d => !available.Contains(d))];
        if (unavailable.Length > 0)
        {
            throw new PermissionNotAvailableException(user, unavailable);
        }

        var held = assignments.Where(a => a.Assigned).Select(a => a.Permission.Uuid).ToList();
        var wanted = desired.ToHashSet();
        return new PermissionChange(
            user,
            [.. held.Where(h => !wanted.Contains(h))],
            [.. desired.Where(d => !held.Contains(d))],
            [.. held.Where(wanted.Contains)]);
    }

    public async Task<PermissionChange> SetAsync(Guid user, IReadOnlyList<Guid> desired, CancellationToken cancellationToken)
    {
        PermissionChange change = await PlanAsync(user, desired, cancellationToken).ConfigureAwait(false);
        if (change.Remove.Count > 0)
        {
            await users.RemovePermissionsAsync(user, change.Remove, cancellationToken).ConfigureAwait(false);
        }

        if (change.Add.Count > 0)
        {
            await users.AddPermissionsAsync(user, change.Add, cancellationToken).ConfigureAwait(false);
        }

        return change;
    }
}
