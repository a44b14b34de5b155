using Crux.Connect.Roles;

namespace Crux.Connect;

/// <summary>
/// A reviewed-before-run change of users' permissions: for each user, what making their permissions exactly a desired set
/// would remove and add, worked out by <see cref="OrganizationUsersClient.PlanPermissionChangesAsync(Guid, IEnumerable{Guid}, CancellationToken)"/>
/// (or its many-user overloads) without changing anything. Print it (<see cref="ToString"/> is a table), save it
/// (<see cref="ToJson"/>, <see cref="FromJson"/>), then run it with
/// <see cref="OrganizationUsersClient.ApplyPermissionChangesAsync(PermissionChangePlan, CruxBulkOptions?, IProgress{CruxBulkProgress}?, CancellationToken)"/>.
/// </summary>
public sealed class PermissionChangePlan
{
    /// <summary>Initializes a new instance of the <see cref="PermissionChangePlan"/> class (for tests and mocks).</summary>
    /// <param name="users">One plan per user that could be planned, in the order the users were given.</param>
    /// <param name="failures">The users that could not be planned (their permissions could not be read, or a desired permission
    /// is one their organization cannot hold), each with its exception.</param>
    /// <param name="createdAt">When the users' permissions were read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="users"/> or <paramref name="failures"/> is <see langword="null"/>.</exception>
    public PermissionChangePlan(
        IReadOnlyList<UserPermissionPlan> users, IReadOnlyList<CruxBulkOutcome<UserPermissionPlan>> failures, DateTimeOffset createdAt)
    {
        Users = users ?? throw new ArgumentNullException(nameof(users));
        Failures = failures ?? throw new ArgumentNullException(nameof(failures));
        CreatedAt = createdAt;
    }

    /// <summary>Gets one plan per user that could be planned, in the order the users were given.</summary>
    public IReadOnlyList<UserPermissionPlan> Users { get; }

    /// <summary>
    /// Gets the users that could not be planned, each with the exception that stopped it (for example
    /// <see cref="CruxNotFoundException"/> or <see cref="CruxPermissionsNotAvailableException"/>). Applying the plan skips them.
    /// </summary>
    public IReadOnlyList<CruxBulkOutcome<UserPermissionPlan>> Failures { get; }

    /// <summary>Gets when the users' permissions were read (from the client's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets how many users would change (something to remove or to add).</summary>
    public int UsersToChange => Users.Count(static u => u.HasChanges);

    /// <summary>Gets how many permissions would be removed, over every user.</summary>
    public int RemovalCount => Users.Sum(static u => u.ToRemove.Count);

    /// <summary>Gets how many permissions would be added, over every user.</summary>
    public int AdditionCount => Users.Sum(static u => u.ToAdd.Count);

    /// <summary>Reads a plan written by <see cref="ToJson"/>, for example after an operator reviewed it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The plan. A failure is read back as a <see cref="CruxException"/> whose message is the recorded text (<c>Type: message</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not a plan written by <see cref="ToJson"/>.</exception>
    public static PermissionChangePlan FromJson(string json) => PermissionPlanJson.Read(json, nameof(json));

    /// <summary>
    /// Writes the plan as indented JSON: <c>{"version":1,"created_at":…,"users":[{"user_uuid":…,"desired":[…],"remove":[…],
    /// "add":[…],"keep":[…]}],"failures":[{"user_uuid":…,"error":…}]}</c>, each permission as <c>{"uuid":…,"name":…}</c>
    /// (read back, a permission has no display name, description, visibility or grouping). Source-generated, so it trims and compiles ahead of time.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => PermissionPlanJson.Write(this);

    /// <summary>
    /// Formats the plan as a table, one row per user (permissions by name), after a summary line, then the users that
    /// could not be planned. Meant to be printed and reviewed before the plan is applied.
    /// </summary>
    /// <returns>The table, lines separated by <see cref="Environment.NewLine"/>.</returns>
    public override string ToString() => PermissionPlanTable.Format(this);

    /// <summary>Lists permissions by name, comma-separated; <c>-</c> for none. Names come from the server: a control character
    /// in one becomes a space, so a name cannot break a line of the table or of a message.</summary>
    internal static string Names(IReadOnlyList<Permission> permissions) =>
        permissions.Count == 0
            ? "-"
            : string.Join(", ", permissions.Select(static p => new string(p.Name.Select(static c => char.IsControl(c) ? ' ' : c).ToArray())));
}
