using Crux.Connect.Cli.Input;
using Crux.Connect.Cli.Output;
using Crux.Connect.Cli.Permissions;

namespace Crux.Connect.Cli.Commands.Bulk;

/// <summary>
/// Resolves a bulk file's rows (roles through the roles file, names and uuids through the catalog) into desired sets.
/// Every problem in the file is found here or by the readers, before anything is read from or changed at the server for
/// any user, and reported with its file, line and column (up to <see cref="InputProblems.MaxShown"/> at once).
/// </summary>
internal static class DesiredUsers
{
    public static List<DesiredUser> Resolve(string path, IReadOnlyList<UserRow> rows, RolesFile? roles, CatalogIndex catalog, InputProblems problems)
    {
        var result = new List<DesiredUser>(rows.Count);
        var firstLine = new Dictionary<Guid, SourcePosition>();
        foreach (UserRow row in rows)
        {
            bool ok = row.IsValid;
            if (row.IsValid && !firstLine.TryAdd(row.User, row.Position))
            {
                problems.Add(path, row.Position, $"the user {row.User} is already listed on line {firstLine[row.User].Line}.");
                ok = false;
            }

            var wanted = new List<PermissionRef>(row.Permissions);
            if (row.Role is { } role)
            {
                if (roles is null)
                {
                    problems.Add(path, role.Position, $"the role {TerminalText.Quote(role.Value)} needs a roles file: --roles <file>.");
                    ok = false;
                }
                else if (!roles.TryGet(role.Value, out IReadOnlyList<PermissionRef> granted))
                {
                    problems.Add(path, role.Position, roles.UnknownRoleMessage(role.Value));
                    ok = false;
                }
                else
                {
                    wanted.AddRange(granted);
                }
            }

            var uuids = new List<Guid>();
            foreach (PermissionRef permission in wanted)
            {
                if (catalog.Find(permission.Value, out string? problem) is not { } found)
                {
                    // A bad name in the roles file is reported at its place there, the one in the users file here.
                    problems.Add(row.Permissions.Contains(permission) ? path : roles!.Path, permission.Position, problem!);
                    ok = false;
                }
                else if (!uuids.Contains(found.Uuid))
                {
                    uuids.Add(found.Uuid);
                }
            }

            if (ok && uuids.Count == 0)
            {
                // A set operation never empties a user: taking everything away is a removal ('crux user remove'), said explicitly.
                problems.Add(path, row.Position, "this user's role lists no permission; a user cannot be set to none (use 'crux user remove').");
                ok = false;
            }

            if (ok)
            {
                result.Add(new DesiredUser(row, uuids));
            }
        }

        return result;
    }
}
