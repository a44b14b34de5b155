using Crux.Connect.Internal;

namespace Crux.Connect.Roles;

/// <summary>
/// Works out, from a user's permissions as read, what makes them exactly the desired set. The read lists every permission
/// the user's organization can hold, so a desired permission missing from it is one the organization cannot hold.
/// </summary>
internal static class RolePlanner
{
    // desiredNames: the caller's names, parallel to desired, when the caller gave names (to name them in an error).
    public static UserPermissionPlan Plan(Guid userUuid, IReadOnlyList<PermissionAssignment> current, Guid[] desired, IReadOnlyList<string>? desiredNames)
    {
        // A read that says one thing twice (a mock's too: the server's is refused where it is read) is not believed.
        if (AssignmentList.Contradiction(current) is { } contradiction)
        {
            throw new CruxInvalidResponseException($"The permissions read for user {userUuid:D} contradict themselves: {contradiction}. Nothing was changed.");
        }

        // Entries repeated word for word count once.
        Dictionary<Guid, PermissionAssignment> byUuid = current
            .GroupBy(static assignment => assignment.Permission.Uuid)
            .ToDictionary(static group => group.Key, static group => group.First());

        List<int>? missing = null;
        for (int i = 0; i < desired.Length; i++)
        {
            if (!byUuid.ContainsKey(desired[i]))
            {
                (missing ??= []).Add(i);
            }
        }

        if (missing is not null)
        {
            throw NotAvailable(userUuid, current.Count, desired, desiredNames, missing);
        }

        var desiredSet = new HashSet<Guid>(desired);
        var toRemove = new List<Permission>();
        foreach (PermissionAssignment assignment in byUuid.Values)
        {
            if (assignment.Assigned && !desiredSet.Contains(assignment.Permission.Uuid))
            {
                toRemove.Add(assignment.Permission);
            }
        }

        var wanted = new Permission[desired.Length];
        var toAdd = new List<Permission>();
        var unchanged = new List<Permission>();
        for (int i = 0; i < desired.Length; i++)
        {
            PermissionAssignment assignment = byUuid[desired[i]];
            wanted[i] = assignment.Permission;
            (assignment.Assigned ? unchanged : toAdd).Add(assignment.Permission);
        }

        if (Swap(toRemove, toAdd) is var (removed, added))
        {
            throw new CruxAmbiguousPermissionException(
                $"User {userUuid:D}'s permissions list the name '{Diagnostics.ServerText.Shorten(added.Name, 100)}' under two uuids: the change would take " +
                $"{removed.Uuid:D} away and give {added.Uuid:D}, one for the other. Nothing was changed.",
                added.Name,
                [removed.Uuid, added.Uuid],
                userUuid);
        }

        return new UserPermissionPlan(userUuid, wanted, toRemove, toAdd, unchanged);
    }

    /// <summary>
    /// A removal and an addition of two uuids under one name (ignoring case): a catalog that lists the name twice, where the
    /// change would silently swap one permission for the other. Refused, whichever one the caller meant.
    /// </summary>
    private static (Permission Removed, Permission Added)? Swap(List<Permission> toRemove, List<Permission> toAdd)
    {
        foreach (Permission added in toAdd)
        {
            foreach (Permission removed in toRemove)
            {
                if (string.Equals(added.Name, removed.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return (removed, added);
                }
            }
        }

        return null;
    }

    /// <summary>Whether what was done differs from what the plan said would be done.</summary>
    public static bool Drifted(UserPermissionPlan planned, SetPermissionsResult result) =>
        !SameUuids(planned.ToRemove, result.Removed) || !SameUuids(planned.ToAdd, result.Added);

    public static Guid[] Uuids(IReadOnlyList<Permission> permissions) => permissions.Select(static p => p.Uuid).ToArray();

    private static bool SameUuids(IReadOnlyList<Permission> left, IReadOnlyList<Permission> right) =>
        new HashSet<Guid>(left.Select(static p => p.Uuid)).SetEquals(right.Select(static p => p.Uuid));

    private static CruxPermissionsNotAvailableException NotAvailable(
        Guid userUuid, int listed, Guid[] desired, IReadOnlyList<string>? desiredNames, List<int> missing)
    {
        Guid[] uuids = missing.Select(i => desired[i]).ToArray();
        string[] names = desiredNames is null ? [] : missing.Select(i => desiredNames[i]).ToArray();
        IEnumerable<string> described = desiredNames is null
            ? uuids.Select(static u => u.ToString("D"))
            : missing.Select(i => $"{desiredNames[i]} ({desired[i]:D})");
        string message =
            $"User {userUuid:D}'s organization cannot hold {(uuids.Length == 1 ? "this desired permission" : $"these {uuids.Length} desired permissions")}: " +
            $"{string.Join(", ", described)}. They are not among the {listed} permissions Crux Connect lists for this user " +
            "(a supplier-only permission for a retailer, for example, or a uuid from another environment). Nothing was changed.";
        return new CruxPermissionsNotAvailableException(message, userUuid, uuids, names);
    }
}
