using System.Net;

namespace Crux.Connect;

/// <summary>The outcome of a successful <see cref="OrganizationUsersClient.RemovePermissionsAsync(Guid, IEnumerable{Guid}, CancellationToken)"/>: the permissions were removed from the user.</summary>
public sealed class RemovePermissionsResult
{
    /// <summary>Initializes a new instance of the <see cref="RemovePermissionsResult"/> class (for tests and mocks).</summary>
    /// <param name="userUuid">The user.</param>
    /// <param name="permissionUuids">The permission uuids sent.</param>
    /// <param name="statusCode">The success status the server answered.</param>
    /// <exception cref="ArgumentNullException"><paramref name="permissionUuids"/> is <see langword="null"/>.</exception>
    public RemovePermissionsResult(Guid userUuid, IReadOnlyList<Guid> permissionUuids, HttpStatusCode statusCode)
    {
        UserUuid = userUuid;
        PermissionUuids = permissionUuids ?? throw new ArgumentNullException(nameof(permissionUuids));
        StatusCode = statusCode;
    }

    /// <summary>Gets the user whose permissions changed.</summary>
    public Guid UserUuid { get; }

    /// <summary>Gets the permission uuids that were sent: duplicates removed, the caller's order kept.</summary>
    public IReadOnlyList<Guid> PermissionUuids { get; }

    /// <summary>Gets the success status the server answered (200, 201, 202 or 204).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(RemovePermissionsResult)} {{ UserUuid = {UserUuid}, PermissionUuids = [{string.Join(", ", PermissionUuids)}], StatusCode = {(int)StatusCode} }}";
}
