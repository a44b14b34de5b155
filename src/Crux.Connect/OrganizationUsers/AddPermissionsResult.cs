using System.Net;

namespace Crux.Connect;

/// <summary>The outcome of a successful <see cref="OrganizationUsersClient.AddPermissionsAsync(Guid, IEnumerable{Guid}, CancellationToken)"/>: the permissions were added to the user.</summary>
/// <remarks>Tests and mocks build one with <see cref="CruxModelFactory.AddPermissionsResult"/>.</remarks>
public sealed class AddPermissionsResult : PermissionChangeResult
{
    internal AddPermissionsResult(Guid userUuid, byte[] permissionUuidsBody, HttpStatusCode statusCode, string? requestId)
        : base(userUuid, permissionUuidsBody, statusCode, requestId)
    {
    }
}
