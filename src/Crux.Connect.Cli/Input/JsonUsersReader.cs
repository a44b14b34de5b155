using System.Text.Json;
using Crux.Connect.Cli.Output;

namespace Crux.Connect.Cli.Input;

/// <summary>
/// Reads users from JSON: an array of objects, or JSON Lines (one object per line), each
/// <c>{"user": "&lt;uuid&gt;", "permissions": ["view_order", ...], "role": "viewer", "email": "..."}</c> with permissions, a
/// role or both. Other properties are ignored. A property given twice in one object (even as <c>user</c> and <c>User</c>) is
/// ambiguous and refused. The whole file is read; a syntax error ends the read (what follows it cannot be trusted).
/// </summary>
internal static class JsonUsersReader
{
    private static readonly string[] LabelNames = ["email", "e-mail", "name"];

    /// <summary>Reads, and throws one usage error listing every problem, if any.</summary>
    public static List<UserRow> Read(string path, byte[] bytes)
    {
        var problems = new InputProblems();
        List<UserRow> rows = Read(path, bytes, problems, label: null);
        problems.ThrowIfAny();
        return rows;
    }

    public static List<UserRow> Read(string path, byte[] bytes, InputProblems problems, string? label)
    {
        var reader = new JsonFileReader(path, bytes);
        var rows = new List<UserRow>();
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        ReadUser(ref reader, problems, label, rows);
                    }
                }
                else
                {
                    ReadUser(ref reader, problems, label, rows);
                }
            }
        }
        catch (UsageException syntax)
        {
            problems.Add(syntax);
        }

        return rows;
    }

    private static void ReadUser(ref JsonFileReader reader, InputProblems problems, string? label, List<UserRow> rows)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            problems.Add(reader.Error("expected a user: {\"user\": \"<uuid>\", \"permissions\": [\"view_order\"]} or {\"user\": \"<uuid>\", \"role\": \"viewer\"}."));
            reader.Skip();
            return;
        }

        SourcePosition start = reader.Position;
        Guid? user = null;
        bool badUser = false;
        List<PermissionRef> permissions = [];
        PermissionRef? role = null;
        string? labelText = null;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string property = reader.GetString() ?? string.Empty;
            if (!seen.Add(property))
            {
                problems.Add(reader.Error($"\"{TerminalText.Escape(property, TerminalText.MaxLength)}\" is given twice in this user (names are compared ignoring case); which one is meant is ambiguous."));
                reader.Read();
                reader.Skip();
                badUser = true;
                continue;
            }

            if (reader.PropertyIs("user"))
            {
                reader.ReadValue("the user's uuid");
                if (reader.TokenType == JsonTokenType.String && Guid.TryParse(reader.GetString(), out Guid uuid) && uuid != Guid.Empty)
                {
                    user = uuid;
                }
                else
                {
                    string shown = reader.TokenType == JsonTokenType.String ? $" (not {TerminalText.Quote(reader.GetString())})" : string.Empty;
                    problems.Add(reader.Error($"\"user\" must be the user's uuid in quotes, like \"2f6c0d4e-8a55-4b1e-9a63-1c2d3e4f5a6b\"{shown}."));
                    reader.Skip();
                    badUser = true;
                }
            }
            else if (reader.PropertyIs("permissions"))
            {
                permissions = reader.ReadPermissionList("permissions", problems);
            }
            else if (reader.PropertyIs("role"))
            {
                reader.ReadValue("the role's name");
                if (reader.TokenType == JsonTokenType.String && !string.IsNullOrWhiteSpace(reader.GetString()))
                {
                    role = new PermissionRef(reader.GetString()!.Trim(), reader.Position);
                }
                else
                {
                    problems.Add(reader.Error("\"role\" must be a role's name in quotes."));
                    reader.Skip();
                }
            }
            else if (label is null ? LabelNames.Contains(property, StringComparer.OrdinalIgnoreCase) : property.Equals(label, StringComparison.OrdinalIgnoreCase))
            {
                reader.ReadValue("a label");
                labelText = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (user is null && !badUser)
        {
            problems.Add(start.Error(reader.Path, "this user has no \"user\" uuid."));
        }

        if (permissions.Count == 0 && role is null)
        {
            problems.Add(start.Error(reader.Path, "this user has no permissions and no role."));
            return;
        }

        rows.Add(new UserRow(badUser ? Guid.Empty : user ?? Guid.Empty, start, permissions, role, labelText));
    }
}
