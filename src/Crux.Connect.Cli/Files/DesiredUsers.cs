using Crux.Connect.Cli.Permissions;

namespace Crux.Connect.Cli.Files;

/// <summary>
/// Resolves a bulk file's rows (roles through the roles file, names and uuids through the catalog) into desired sets.
/// Every problem in the file is found here, before anything is read from or changed at the server for any user, and
/// reported with its line and column (up to <see cref="MaxErrors"/> at once).
/// </summary>
internal static class DesiredUsers
{
    public const int MaxErrors = 20;

    public static List<DesiredUser> Resolve(string path, IReadOnlyList<UserRow> rows, RolesFile? roles, CatalogIndex catalog)
    {
        var errors = new List<string>();
        var result = new List<DesiredUser>(rows.Count);
        var firstLine = new Dictionary<Guid, SourcePosition>();
        foreach (UserRow row in rows)
        {
            if (!firstLine.TryAdd(row.User, row.Position))
            {
                errors.Add(row.Position.Error(path, $"the user {row.User} is already listed on line {firstLine[row.User].Line}.").Message);
                continue;
            }

            var wanted = new List<PermissionRef>(row.Permissions);
            if (row.Role is { } role)
            {
                if (roles is null)
                {
                    errors.Add(role.Position.Error(path, $"the role '{role.Value}' needs a roles file: --roles <file>.").Message);
                    continue;
                }

                if (!roles.TryGet(role.Value, out IReadOnlyList<PermissionRef> granted))
                {
                    errors.Add(role.Position.Error(path, $"unknown role '{role.Value}'; {Path.GetFileName(roles.Path)} defines {string.Join(", ", roles.Names)}.").Message);
                    continue;
                }

                wanted.AddRange(granted);
            }

            int errorsBefore = errors.Count;
            var uuids = new List<Guid>();
            foreach (PermissionRef permission in wanted)
            {
                IReadOnlyList<Guid> one = catalog.Resolve([permission.Value], out IReadOnlyList<string> unknown);
                if (unknown.Count > 0)
                {
                    // A bad name in the roles file is reported at its place there, the one in the users file here.
                    string where = row.Permissions.Contains(permission) ? path : roles!.Path;
                    errors.Add(permission.Position.Error(where, $"unknown permission '{permission.Value}'.").Message);
                }
                else if (!uuids.Contains(one[0]))
                {
                    uuids.Add(one[0]);
                }
            }

            if (errors.Count > errorsBefore)
            {
                continue;
            }

            if (uuids.Count == 0)
            {
                // A set operation never empties a user: taking everything away is a removal ('crux user remove'), said explicitly.
                errors.Add(row.Position.Error(path, "this user's role lists no permission; a user cannot be set to none (use 'crux user remove').").Message);
                continue;
            }

            result.Add(new DesiredUser(row, uuids));
        }

        if (errors.Count > 0)
        {
            IEnumerable<string> shown = errors.Distinct().Take(MaxErrors);
            string more = errors.Count > MaxErrors ? $"{Environment.NewLine}... and {errors.Count - MaxErrors} more." : string.Empty;
            string valid = errors.Any(e => e.Contains("unknown permission", StringComparison.Ordinal))
                ? $"{Environment.NewLine}Valid permissions: {string.Join(", ", catalog.Permissions.Select(p => p.Name))}."
                : string.Empty;
            throw new UsageException($"Nothing was changed; the input has {errors.Count} problem{(errors.Count == 1 ? "" : "s")}:{Environment.NewLine}"
                + string.Join(Environment.NewLine, shown) + more + valid);
        }

        return result;
    }
}
