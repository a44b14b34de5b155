namespace Crux.Connect.Cli.Files;

/// <summary>
/// Reads users from CSV: a header naming a <c>user</c> column (the user's uuid) and a <c>permissions</c> column (names or
/// uuids separated by ';' or spaces), a <c>role</c> column, or both. Other columns are ignored (the failed-users file
/// adds an <c>error</c> column and reads back as it is). Blank lines and lines starting with '#' are skipped; fields may be
/// quoted as RFC 4180 says.
/// </summary>
internal static class CsvUsersReader
{
    public static List<UserRow> Read(string path, string text)
    {
        List<CsvRecord> records = CsvParser.Parse(path, text);
        if (records.Count == 0)
        {
            throw new SourcePosition(1, 1).Error(path, "the file is empty; expected a header such as 'user,permissions' or 'user,role'.");
        }

        CsvRecord header = records[0];
        int userColumn = Column(header, "user", "user_uuid", "uuid");
        int permissionsColumn = Column(header, "permissions", "permission");
        int roleColumn = Column(header, "role");
        if (userColumn < 0 || (permissionsColumn < 0 && roleColumn < 0))
        {
            throw header.Fields[0].Position.Error(path, "the header must name a 'user' column and a 'permissions' or 'role' column, like 'user,permissions'.");
        }

        var rows = new List<UserRow>();
        foreach (CsvRecord record in records.Skip(1))
        {
            if (record.Fields.Count > header.Fields.Count)
            {
                throw record.Fields[header.Fields.Count].Position.Error(path,
                    $"this line has {record.Fields.Count} fields, the header {header.Fields.Count}. Separate permissions with ';' or spaces, not ','.");
            }

            CsvField user = record.Field(userColumn);
            if (!Guid.TryParse(user.Value.Trim(), out Guid uuid) || uuid == Guid.Empty)
            {
                throw user.Position.Error(path, $"'{user.Value}' is not a user uuid.");
            }

            List<PermissionRef> permissions = [];
            if (permissionsColumn >= 0)
            {
                CsvField field = record.Field(permissionsColumn);
                permissions = PermissionText.Split(field.Value, field.ContentPosition);
            }

            PermissionRef? role = null;
            if (roleColumn >= 0 && record.Field(roleColumn) is { } roleField && !string.IsNullOrWhiteSpace(roleField.Value))
            {
                role = new PermissionRef(roleField.Value.Trim(), roleField.ContentPosition);
            }

            rows.Add(permissions.Count > 0 || role is not null
                ? new UserRow(uuid, user.Position, permissions, role)
                : throw user.Position.Error(path, "this user has no permissions and no role."));
        }

        return rows;
    }

    private static int Column(CsvRecord header, params string[] names)
    {
        for (int i = 0; i < header.Fields.Count; i++)
        {
            if (names.Contains(header.Fields[i].Value.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
