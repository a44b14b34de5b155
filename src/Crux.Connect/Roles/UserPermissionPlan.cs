namespace Crux.Connect;

/// <summary>
/// What making one user's permissions exactly a desired set would change, worked out from the user's permissions as read
/// (<see cref="OrganizationUsersClient.GetPermissionsAsync"/>) and nothing sent: the permissions to remove, to add, and the
/// desired ones the user already holds. One row of a <see cref="PermissionChangePlan"/>.
/// </summary>
public sealed class UserPermissionPlan
{
    /// <summary>Initializes a new instance of the <see cref="UserPermissionPlan"/> class (for tests, mocks and plans read back from JSON).</summary>
    /// <param name="userUuid">The user.</param>
    /// <param name="desired">The permissions the user should hold, in the caller's order.</param>
    /// <param name="toRemove">The permissions the user holds and should not.</param>
    /// <param name="toAdd">The desired permissions the user does not hold.</param>
    /// <param name="unchanged">The desired permissions the user already holds.</param>
    /// <exception cref="ArgumentNullException">A list is <see langword="null"/>.</exception>
    public UserPermissionPlan(
        Guid userUuid,
        IReadOnlyList<Permission> desired,
        IReadOnlyList<Permission> toRemove,
        IReadOnlyList<Permission> toAdd,
        IReadOnlyList<Permission> unchanged)
    {
        UserUuid = userUuid;
        Desired = desired ?? throw new ArgumentNullException(nameof(desired));
        ToRemove = toRemove ?? throw new ArgumentNullException(nameof(toRemove));
        ToAdd = toAdd ?? throw new ArgumentNullException(nameof(toAdd));
        Unchanged = unchanged ?? throw new ArgumentNullException(nameof(unchanged));
    }

    /// <summary>Gets the user.</summary>
    public Guid UserUuid { get; }

    /// <summary>Gets the permissions the user should hold, in the caller's order, duplicates removed.</summary>
    public IReadOnlyList<Permission> Desired { get; }

    /// <summary>Gets the permissions the user holds and should not: one DELETE would remove them, in the server's order.</summary>
    public IReadOnlyList<Permission> ToRemove { get; }

    /// <summary>Gets the desired permissions the user does not hold: one PATCH would add them, in the caller's order.</summary>
    public IReadOnlyList<Permission> ToAdd { get; }

    /// <summary>Gets the desired permissions the user already holds.</summary>
    public IReadOnlyList<Permission> Unchanged { get; }

    /// <summary>Gets a value indicating whether anything would change (something to remove or to add).</summary>
    public bool HasChanges => ToRemove.Count > 0 || ToAdd.Count > 0;

    /// <summary>Describes the plan on one line, e.g. <c>0b4c…: remove edit_org_users; add view_order; keep view_org_users</c>.</summary>
    /// <returns>A one-line description, by permission name.</returns>
    public override string ToString() =>
        $"{UserUuid:D}: remove {PermissionChangePlan.Names(ToRemove)}; add {PermissionChangePlan.Names(ToAdd)}; keep {PermissionChangePlan.Names(Unchanged)}";
}
