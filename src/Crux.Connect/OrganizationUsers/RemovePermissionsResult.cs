using System.Net;

namespace Crux.Connect;

/// <summary>The outcome of a successful <see cref="OrganizationUsersClient.RemovePermissionsAsync(Guid, IEnumerable{Guid}, CancellationToken)"/>: the permissions were removed from the user.</summary>
/// <remarks>Tests and mocks build one with <see cref="CruxModelFactory.RemovePermissionsResult"/>.</remarks>
public sealed class RemovePermissionsResult : PermissionChangeResult
{
    internal RemovePermissionsResult(Guid userUuid, byte[] permissionUuidsBody, HttpStatusCode statusCode, string? requestId)
        : base(userUuid, permissionUuidsBody, statusCode, requestId)
    {
    }
}
