using Crux.Connect.Cli.Output;

namespace Crux.Connect.Cli.Input;

/// <summary>
/// Reads users from CSV: a header naming a <c>user</c> column (the user's uuid) and a <c>permissions</c> column (names or
/// uuids separated by ';' or spaces), a <c>role</c> column, or both. A label column (<c>email</c> or <c>name</c>, or the one
/// named by <c>--label</c>) is shown beside each user. Other columns are ignored (the failed-users file adds an <c>error</c>
/// column and reads back as it is). Blank lines and lines starting with '#' are skipped; fields may be quoted as RFC 4180
/// says. A header that says <c>user;permissions</c> (Excel in much of Europe) is read as semicolon-separated.
/// The whole file is read: every problem goes to the problems list, none stops the read.
/// </summary>
internal static class CsvUsersReader
{
    private static readonly string[] UserNames = ["user", "user_uuid", "uuid"];
    private static readonly string[] PermissionNames = ["permissions", "permission"];
    private static readonly string[] RoleNames = ["role"];
    private static readonly string[] LabelNames = ["email", "e-mail", "name"];

    /// <summary>Reads, and throws one usage error listing every problem, if any.</summary>
    public static List<UserRow> Read(string path, string text)
    {
        var problems = new InputProblems();
        List<UserRow> rows = Read(path, text, problems, label: null);
        problems.ThrowIfAny();
        return rows;
    }

    public static List<UserRow> Read(string path, string text, InputProblems problems, string? label)
    {
        char separator = SeparatorOf(text);
        List<CsvRecord> records = CsvParser.Parse(path, text, separator, problems);
        if (records.Count == 0)
        {
            problems.Add(path, new SourcePosition(1, 1), "the file is empty; expected a header such as 'user,permissions' or 'user,role'.");
            return [];
        }

        CsvRecord header = records[0];
        int userColumn = Column(path, header, UserNames, problems);
        int permissionsColumn = Column(path, header, PermissionNames, problems);
        int roleColumn = Column(path, header, RoleNames, problems);
        int labelColumn = label is null ? Column(path, header, LabelNames, problems) : Column(path, header, [label], problems);
        if (label is not null && labelColumn < 0)
        {
            problems.Add(path, header.Fields[0].Position, $"--label {TerminalText.Quote(label)}: the header has no such column; it has {TerminalText.Escape(string.Join(", ", header.Fields.Select(f => f.Value.Trim())))}.");
        }

        if (userColumn < 0 || (permissionsColumn < 0 && roleColumn < 0))
        {
            string found = header.Fields.Count == 1 && header.Fields[0].Value.Contains('\t', StringComparison.Ordinal)
                ? " (this header is separated by tabs; separate columns with ',' or ';')"
                : string.Empty;
            problems.Add(path, header.Fields[0].Position, $"the header must name a 'user' column and a 'permissions' or 'role' column, like 'user,permissions'{found}.");
            return [];
        }

        var rows = new List<UserRow>();
        foreach (CsvRecord record in records.Skip(1))
        {
            if (record.Fields.Count > header.Fields.Count)
            {
                string hint = separator == ','
                    ? " Separate permissions with ';' or spaces, not ','."
                    : " Separate permissions with ',' or spaces, not ';'.";
                problems.Add(path, record.Fields[header.Fields.Count].Position, $"this line has {record.Fields.Count} fields, the header {header.Fields.Count}.{hint}");
                continue;
            }

            CsvField user = record.Field(userColumn);
            Guid uuid = Guid.Empty;
            if (!Guid.TryParse(user.Value.Trim(), out uuid) || uuid == Guid.Empty)
            {
                problems.Add(path, user.Position, $"{TerminalText.Quote(user.Value)} is not a user uuid.");
                uuid = Guid.Empty;
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

            string? labelText = labelColumn >= 0 && record.Field(labelColumn).Value.Trim() is { Length: > 0 } l ? l : null;
            if (permissions.Count == 0 && role is null)
            {
                problems.Add(path, user.Position, "this user has no permissions and no role.");
                continue;
            }

            rows.Add(new UserRow(uuid, user.Position, permissions, role, labelText));
        }

        return rows;
    }

    /// <summary>';' when the first line that is not blank or a comment has a ';' and no ',' (Excel's CSV where ',' is the decimal mark).</summary>
    private static char SeparatorOf(string text)
    {
        foreach (string line in text.TrimStart('\uFEFF').Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            return trimmed.Contains(';', StringComparison.Ordinal) && !trimmed.Contains(',', StringComparison.Ordinal) ? ';' : ',';
        }

        return ',';
    }

    /// <summary>The column with one of <paramref name="names"/>; two such columns make the file ambiguous, which is a problem.</summary>
    private static int Column(string path, CsvRecord header, string[] names, InputProblems problems)
    {
        int found = -1;
        for (int i = 0; i < header.Fields.Count; i++)
        {
            if (names.Contains(header.Fields[i].Value.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                if (found >= 0)
                {
                    problems.Add(path, header.Fields[i].Position, $"the header has two {TerminalText.Quote(names[0])} columns ({TerminalText.Quote(header.Fields[found].Value.Trim())} and {TerminalText.Quote(header.Fields[i].Value.Trim())}); which one is meant is ambiguous.");
                    continue;
                }

                found = i;
            }
        }

        return found;
    }
}
