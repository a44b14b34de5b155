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

    /// <summary>Initializes a new instance of the <see cref="RemovePermissionsResult"/> class with the server's request id (for tests and mocks).</summary>
    /// <param name="userUuid">The user.</param>
    /// <param name="permissionUuids">The permission uuids sent.</param>
    /// <param name="statusCode">The success status the server answered.</param>
    /// <param name="requestId">The server's request id, or <see langword="null"/> if it sent none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="permissionUuids"/> is <see langword="null"/>.</exception>
    public RemovePermissionsResult(Guid userUuid, IReadOnlyList<Guid> permissionUuids, HttpStatusCode statusCode, string? requestId)
        : this(userUuid, permissionUuids, statusCode)
    {
        RequestId = requestId;
    }

    /// <summary>Gets the user whose permissions changed.</summary>
    public Guid UserUuid { get; }

    /// <summary>Gets the permission uuids that were sent: duplicates removed, the caller's order kept.</summary>
    public IReadOnlyList<Guid> PermissionUuids { get; }

    /// <summary>Gets the success status the server answered (200, 201, 202 or 204).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// Gets the server's request id (<c>X-Request-Id</c>, <c>X-Correlation-Id</c> or <c>Request-Id</c>, as
    /// <see cref="CruxApiException.RequestId"/> reads it): what Crux support asks for. <see langword="null"/> if the server sent none.
    /// </summary>
    public string? RequestId { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{nameof(RemovePermissionsResult)} {{ UserUuid = {UserUuid}, PermissionUuids = [{string.Join(", ", PermissionUuids)}], StatusCode = {(int)StatusCode}{(RequestId is null ? string.Empty : ", RequestId = " + RequestId)} }}";
}
