using System.Text.Json;

namespace Crux.Connect.Cli.Input;

/// <summary>
/// A team's roles: a JSON object from role name to permission names (or uuids), such as
/// <c>{"viewer": ["view_org_users", "view_order"], "buyer": ["view_order", "create_order"]}</c>, so a change reads as
/// "these users are now viewers". Role names are compared ignoring case. A role that lists nothing is refused where it is
/// used: setting a user to no permission at all is a removal, said explicitly with <c>crux user remove</c>.
/// </summary>
internal sealed class RolesFile
{
    private readonly Dictionary<string, IReadOnlyList<PermissionRef>> _roles;

    private RolesFile(string path, Dictionary<string, IReadOnlyList<PermissionRef>> roles)
    {
        Path = path;
        _roles = roles;
    }

    public string Path { get; }

    public IEnumerable<string> Names => _roles.Keys;

    public static RolesFile Load(string path)
    {
        var reader = new JsonFileReader(path, InputFile.ReadBytes(path, "roles"));
        var roles = new Dictionary<string, IReadOnlyList<PermissionRef>>(StringComparer.OrdinalIgnoreCase);
        if (!reader.Read())
        {
            throw new SourcePosition(1, 1).Error(path, "the file is empty; expected {\"role\": [\"permission\", ...], ...}.");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw reader.Error("expected an object from role name to permission names, like {\"viewer\": [\"view_org_users\", \"view_order\"]}.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!.Trim();
            SourcePosition at = reader.Position;
            if (name.Length == 0 || !roles.TryAdd(name, reader.ReadPermissionList(name)))
            {
                throw at.Error(path, name.Length == 0 ? "a role needs a name." : $"the role {Output.TerminalText.Quote(name)} is defined twice.");
            }
        }

        if (reader.Read())
        {
            throw reader.Error("unexpected content after the roles object.");
        }

        return new RolesFile(path, roles);
    }

    /// <summary>Says that a role is not in this file, which ones are, and the closest to what was typed.</summary>
    public string UnknownRoleMessage(string role) =>
        $"unknown role {Output.TerminalText.Quote(role)}; {Output.TerminalText.Escape(System.IO.Path.GetFileName(Path))} defines {Output.TerminalText.Escape(string.Join(", ", Names))}.{Output.DidYouMean.Suggest(role, Names)}";

    public bool TryGet(string role, out IReadOnlyList<PermissionRef> permissions) =>
        _roles.TryGetValue(role, out permissions!);
}
