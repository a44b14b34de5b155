namespace Crux.Connect.Internal;

/// <summary>
/// Whether a user's permissions, as read, contradict themselves. The same permission listed twice with another
/// <c>assigned</c> or another name cannot be believed either way, and a set or plan must never take it for "not assigned".
/// </summary>
internal static class AssignmentList
{
    /// <summary>What the list says twice, differently; or <see langword="null"/>. An entry repeated word for word is no contradiction.</summary>
    public static string? Contradiction(IReadOnlyList<PermissionAssignment> assignments)
    {
        var seen = new Dictionary<Guid, (int Index, PermissionAssignment Assignment)>(assignments.Count);
        for (int i = 0; i < assignments.Count; i++)
        {
            PermissionAssignment assignment = assignments[i];
            Guid uuid = assignment.Permission.Uuid;
            if (!seen.TryGetValue(uuid, out var first))
            {
                seen.Add(uuid, (i, assignment));
                continue;
            }

            if (first.Assignment.Assigned != assignment.Assigned)
            {
                return $"permissions[{first.Index}] and permissions[{i}] list permission {uuid:D} as assigned and as not assigned";
            }

            if (!string.Equals(first.Assignment.Permission.Name, assignment.Permission.Name, StringComparison.Ordinal))
            {
                return $"permissions[{first.Index}] and permissions[{i}] list permission {uuid:D} under two names";
            }
        }

        return null;
    }
}
