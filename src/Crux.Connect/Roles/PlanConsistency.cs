using Crux.Connect.Diagnostics;

namespace Crux.Connect.Roles;

/// <summary>
/// Refuses a plan read back from JSON that disagrees with itself, so what a review table showed is what is applied: every
/// uuid has one name and every name one uuid across the whole plan (its own catalog), <c>desired</c> is exactly
/// <c>keep</c> + <c>add</c> (disjoint), <c>remove</c> shares nothing with <c>desired</c>, no list names a uuid twice, and no
/// user is planned twice or both planned and failed.
/// </summary>
internal static class PlanConsistency
{
    public static void Check(IReadOnlyList<UserPermissionPlan> users, IReadOnlyList<Guid> failedUsers, string paramName)
    {
        var nameOf = new Dictionary<Guid, (string Name, string Where)>();
        var uuidOf = new Dictionary<string, (Guid Uuid, string Where)>(StringComparer.OrdinalIgnoreCase);
        var planned = new Dictionary<Guid, int>();
        for (int i = 0; i < users.Count; i++)
        {
            UserPermissionPlan user = users[i];
            string who = $"users[{i}] (user {user.UserUuid:D})";
            if (planned.TryGetValue(user.UserUuid, out int first))
            {
                throw Invalid($"{who} plans the same user as users[{first}]", paramName);
            }

            planned.Add(user.UserUuid, i);
            foreach (var (field, list) in new[] { ("desired", user.Desired), ("remove", user.ToRemove), ("add", user.ToAdd), ("keep", user.Unchanged) })
            {
                var seen = new HashSet<Guid>();
                for (int j = 0; j < list.Count; j++)
                {
                    Permission permission = list[j];
                    string where = $"{who} \"{field}\"[{j}]";
                    if (!seen.Add(permission.Uuid))
                    {
                        throw Invalid($"{where} lists {permission.Uuid:D} a second time", paramName);
                    }

                    CheckCatalog(permission, where, nameOf, uuidOf, paramName);
                }
            }

            var desired = new HashSet<Guid>(user.Desired.Select(static p => p.Uuid));
            var keep = new HashSet<Guid>(user.Unchanged.Select(static p => p.Uuid));
            if (user.ToAdd.FirstOrDefault(p => keep.Contains(p.Uuid)) is { } both)
            {
                throw Invalid($"{who} \"add\" and \"keep\" both list {both.Uuid:D}", paramName);
            }

            if (!desired.SetEquals(keep.Concat(user.ToAdd.Select(static p => p.Uuid))))
            {
                throw Invalid($"{who} \"desired\" is not \"keep\" + \"add\"", paramName);
            }

            if (user.ToRemove.FirstOrDefault(p => desired.Contains(p.Uuid)) is { } overlap)
            {
                throw Invalid($"{who} \"remove\" lists {overlap.Uuid:D}, which \"desired\" lists too", paramName);
            }
        }

        for (int i = 0; i < failedUsers.Count; i++)
        {
            if (planned.TryGetValue(failedUsers[i], out int row))
            {
                throw Invalid($"failures[{i}] (user {failedUsers[i]:D}) is also planned in users[{row}]", paramName);
            }
        }
    }

    private static void CheckCatalog(
        Permission permission,
        string where,
        Dictionary<Guid, (string Name, string Where)> nameOf,
        Dictionary<string, (Guid Uuid, string Where)> uuidOf,
        string paramName)
    {
        if (nameOf.TryGetValue(permission.Uuid, out var named) && !string.Equals(named.Name, permission.Name, StringComparison.Ordinal))
        {
            throw Invalid(
                $"{where} names {permission.Uuid:D} '{ServerText.Shorten(permission.Name, 100)}', but {named.Where} names it '{ServerText.Shorten(named.Name, 100)}'", paramName);
        }

        if (uuidOf.TryGetValue(permission.Name, out var listed) && listed.Uuid != permission.Uuid)
        {
            throw Invalid(
                $"{where} lists '{ServerText.Shorten(permission.Name, 100)}' as {permission.Uuid:D}, but {listed.Where} lists it as {listed.Uuid:D}", paramName);
        }

        nameOf[permission.Uuid] = (permission.Name, where);
        uuidOf[permission.Name] = (permission.Uuid, where);
    }

    private static ArgumentException Invalid(string problem, string paramName) =>
        new($"The permission change plan disagrees with itself: {problem}. Nothing was read from it; make the plan again.", paramName);
}
