namespace Crux.Connect;

/// <summary>
/// The outcome of a successful <see cref="OrganizationUsersClient.SetPermissionsAsync(Guid, IEnumerable{Guid}, CancellationToken)"/>:
/// the user now holds exactly the desired permissions. Says what was removed, what was added, what was already held, and the
/// server's request id of each request sent.
/// </summary>
public sealed class SetPermissionsResult
{
    /// <summary>Initializes a new instance of the <see cref="SetPermissionsResult"/> class (for tests and mocks).</summary>
    /// <param name="userUuid">The user.</param>
    /// <param name="removed">The permissions removed (one DELETE), empty when none had to go.</param>
    /// <param name="added">The permissions added (one PATCH), empty when none had to come.</param>
    /// <param name="unchanged">The desired permissions the user already held.</param>
    /// <param name="readRequestId">The request id of the read, if the server sent one.</param>
    /// <param name="removeRequestId">The request id of the DELETE, if one was sent and the server sent an id.</param>
    /// <param name="addRequestId">The request id of the PATCH, if one was sent and the server sent an id.</param>
    /// <exception cref="ArgumentNullException">A list is <see langword="null"/>.</exception>
    public SetPermissionsResult(
        Guid userUuid,
        IReadOnlyList<Permission> removed,
        IReadOnlyList<Permission> added,
        IReadOnlyList<Permission> unchanged,
        string? readRequestId,
        string? removeRequestId,
        string? addRequestId)
    {
        UserUuid = userUuid;
        Removed = removed ?? throw new ArgumentNullException(nameof(removed));
        Added = added ?? throw new ArgumentNullException(nameof(added));
        Unchanged = unchanged ?? throw new ArgumentNullException(nameof(unchanged));
        ReadRequestId = readRequestId;
        RemoveRequestId = removeRequestId;
        AddRequestId = addRequestId;
    }

    /// <summary>Gets the user.</summary>
    public Guid UserUuid { get; }

    /// <summary>Gets the permissions that were removed, in the server's order; empty when nothing had to go (no DELETE was sent).</summary>
    public IReadOnlyList<Permission> Removed { get; }

    /// <summary>Gets the permissions that were added, in the caller's order; empty when nothing had to come (no PATCH was sent).</summary>
    public IReadOnlyList<Permission> Added { get; }

    /// <summary>Gets the desired permissions the user already held.</summary>
    public IReadOnlyList<Permission> Unchanged { get; }

    /// <summary>Gets a value indicating whether anything changed: <see langword="false"/> when the user was already in the desired state and only one GET was sent.</summary>
    public bool Changed => Removed.Count > 0 || Added.Count > 0;

    /// <summary>Gets the server's request id (<c>X-Request-Id</c>, <c>X-Correlation-Id</c> or <c>Request-Id</c>) of the read of the user's permissions, if it sent one.</summary>
    public string? ReadRequestId { get; }

    /// <summary>Gets the server's request id of the DELETE, or <see langword="null"/> when none was sent (or the server sent no id).</summary>
    public string? RemoveRequestId { get; }

    /// <summary>Gets the server's request id of the PATCH, or <see langword="null"/> when none was sent (or the server sent no id).</summary>
    public string? AddRequestId { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(SetPermissionsResult)} {{ UserUuid = {UserUuid:D}, Removed = [{PermissionChangePlan.Names(Removed)}], Added = [{PermissionChangePlan.Names(Added)}], " +
        $"Unchanged = [{PermissionChangePlan.Names(Unchanged)}] }}";
}
