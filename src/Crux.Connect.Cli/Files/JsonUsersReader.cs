using System.Text.Json;

namespace Crux.Connect.Cli.Files;

/// <summary>
/// Reads users from JSON: an array of objects, or JSON Lines (one object per line), each
/// <c>{"user": "&lt;uuid&gt;", "permissions": ["view_order", ...], "role": "viewer"}</c> with permissions, a role or both.
/// Other properties are ignored.
/// </summary>
internal static class JsonUsersReader
{
    public static List<UserRow> Read(string path, byte[] bytes)
    {
        var reader = new JsonFileReader(path, bytes);
        var rows = new List<UserRow>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    rows.Add(ReadUser(ref reader));
                }
            }
            else
            {
                rows.Add(ReadUser(ref reader));
            }
        }

        return rows;
    }

    private static UserRow ReadUser(ref JsonFileReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw reader.Error("expected a user: {\"user\": \"<uuid>\", \"permissions\": [\"view_order\"]} or {\"user\": \"<uuid>\", \"role\": \"viewer\"}.");
        }

        SourcePosition start = reader.Position;
        Guid? user = null;
        List<PermissionRef> permissions = [];
        PermissionRef? role = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.PropertyIs("user"))
            {
                reader.ReadValue("the user's uuid");
                user = reader.TokenType == JsonTokenType.String && Guid.TryParse(reader.GetString(), out Guid uuid) && uuid != Guid.Empty
                    ? uuid
                    : throw reader.Error("\"user\" must be the user's uuid in quotes, like \"2f6c0d4e-8a55-4b1e-9a63-1c2d3e4f5a6b\".");
            }
            else if (reader.PropertyIs("permissions"))
            {
                permissions = reader.ReadPermissionList("permissions");
            }
            else if (reader.PropertyIs("role"))
            {
                reader.ReadValue("the role's name");
                role = reader.TokenType == JsonTokenType.String && !string.IsNullOrWhiteSpace(reader.GetString())
                    ? new PermissionRef(reader.GetString()!.Trim(), reader.Position)
                    : throw reader.Error("\"role\" must be a role's name in quotes.");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (user is not { } found)
        {
            throw start.Error(reader.Path, "this user has no \"user\" uuid.");
        }

        return permissions.Count > 0 || role is not null
            ? new UserRow(found, start, permissions, role)
            : throw start.Error(reader.Path, "this user has no permissions and no role.");
    }
}
