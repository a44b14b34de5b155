using Crux.Connect;

namespace Crux.Connect.TestingSample;

/// <summary>
/// The code under test: your own service. It takes away every order permission a user holds, and reports what it
/// removed and the request id to quote to Crux support.
/// </summary>
public sealed class AccessReview(OrganizationUsersClient users)
{
    public static readonly IReadOnlySet<string> OrderPermissions = new HashSet<string>(StringComparer.Ordinal)
    {
        CruxPermissionNames.ViewOrder, CruxPermissionNames.ExportOrder, CruxPermissionNames.CancelOrder,
    };

    public async Task<AccessReviewReport> RevokeOrderAccessAsync(Guid userUuid, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<PermissionAssignment> assignments = await users.GetPermissionsAsync(userUuid, cancellationToken);
        Permission[] held = assignments.Where(a => a.Assigned && OrderPermissions.Contains(a.Permission.Name)).Select(a => a.Permission).ToArray();
        if (held.Length == 0)
        {
            return new AccessReviewReport([], RequestId: null);
        }

        RemovePermissionsResult result = await users.RemovePermissionsAsync(userUuid, held.Select(p => p.Uuid), cancellationToken);
        return new AccessReviewReport(held.Select(p => p.Name).Order(StringComparer.Ordinal).ToArray(), result.RequestId);
    }
}

/// <summary>What <see cref="AccessReview"/> did.</summary>
public sealed record AccessReviewReport(IReadOnlyList<string> Removed, string? RequestId);
