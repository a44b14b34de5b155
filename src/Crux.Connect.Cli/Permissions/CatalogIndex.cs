using Crux.Connect.Cli.Output;

namespace Crux.Connect.Cli.Permissions;

/// <summary>
/// The environment's permission catalog, read once per command: turns what a person types (a name or a uuid) into uuids
/// before anything is changed, and uuids back into names for tables. A word that parses as a uuid is a uuid, never a
/// name; a catalog entry whose name looks like a uuid is refused as ambiguous rather than used.
/// </summary>
internal sealed class CatalogIndex
{
    private readonly Dictionary<string, Permission> _byName;
    private readonly Dictionary<Guid, Permission> _byUuid;
    private readonly HashSet<Guid> _uuidLikeNames = [];
    private readonly bool _offline;

    public CatalogIndex(IReadOnlyList<Permission> permissions)
        : this(permissions, offline: false)
    {
    }

    private CatalogIndex(IReadOnlyList<Permission> permissions, bool offline)
    {
        _offline = offline;
        Permissions = permissions;
        _byName = new Dictionary<string, Permission>(StringComparer.Ordinal);
        _byUuid = [];
        foreach (Permission permission in permissions)
        {
            if (Guid.TryParse(permission.Name, out Guid looksLike))
            {
                _uuidLikeNames.Add(looksLike);
            }
            else
            {
                _byName.TryAdd(permission.Name, permission);
            }

            _byUuid.TryAdd(permission.Uuid, permission);
        }
    }

    public IReadOnlyList<Permission> Permissions { get; }

    /// <summary>
    /// The documented names (<see cref="CruxPermissionNames.All"/>), for checking a file that already has other problems
    /// without reading the environment's catalog, so a file that cannot be used sends nothing. Any uuid passes here: only
    /// the environment's catalog can say which uuids it has.
    /// </summary>
    public static CatalogIndex Offline { get; } = new(
        [.. CruxPermissionNames.All.Select(n => new Permission(new Guid(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(n)).AsSpan(0, 16)), n, null, null, null, null))],
        offline: true);

    public static async Task<CatalogIndex> LoadAsync(OrganizationUsersClient users, CancellationToken cancellationToken) =>
        new(await users.GetAllPermissionsAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Resolves names and uuids, all or none.</summary>
    /// <param name="values">What was typed or read from a file.</param>
    /// <param name="unknown">The values that are neither a name nor a uuid of this catalog, in order, each with why.</param>
    /// <returns>The uuids, duplicates once, in the order first given.</returns>
    public IReadOnlyList<Guid> Resolve(IEnumerable<string> values, out IReadOnlyList<string> unknown)
    {
        var uuids = new List<Guid>();
        var seen = new HashSet<Guid>();
        var problems = new List<string>();
        foreach (string raw in values)
        {
            string value = raw.Trim();
            if (Find(value, out string? problem) is not { } permission)
            {
                problems.Add(problem!);
            }
            else if (seen.Add(permission.Uuid))
            {
                uuids.Add(permission.Uuid);
            }
        }

        unknown = problems;
        return uuids;
    }

    /// <summary>One name or uuid; <see langword="null"/> with a sentence saying why (and what was probably meant) when unknown.</summary>
    public Permission? Find(string value, out string? problem)
    {
        problem = null;
        if (Guid.TryParse(value, out Guid uuid))
        {
            if (_offline)
            {
                return new Permission(uuid, value, null, null, null, null);
            }

            if (_byUuid.TryGetValue(uuid, out Permission? byUuid))
            {
                return byUuid;
            }

            problem = _uuidLikeNames.Contains(uuid)
                ? $"{TerminalText.Quote(value)} is ambiguous: it is a uuid, and the catalog also has a permission named like it; refused (use the permission's own uuid, see 'crux catalog list')."
                : $"no permission has the uuid {TerminalText.Quote(value)}.";
            return null;
        }

        if (_byName.TryGetValue(value, out Permission? byName))
        {
            return byName;
        }

        if (CruxPermissionNames.All.Contains(value, StringComparer.Ordinal))
        {
            // The catalog lists only what the caller's organization type can hold: a documented name missing from it is
            // one for the other type, which "unknown" would misstate.
            problem = $"{TerminalText.Quote(value)} is not available to {OrganizationType switch { "SUPPLIER" => "a supplier organization", "RETAILER" => "a retailer organization", _ => "your organization" }} (this environment lists it only for the other organization type).";
            return null;
        }

        problem = $"unknown permission {TerminalText.Quote(value)}.{DidYouMean.Suggest(value, _byName.Keys)}";
        return null;
    }

    /// <summary>Gets SUPPLIER or RETAILER when the catalog (listed for the caller's organization) holds permissions only that
    /// type may hold; otherwise <see langword="null"/>.</summary>
    public string? OrganizationType => Permissions.Select(p => p.Visibility?.ToUpperInvariant()).FirstOrDefault(v => v is "SUPPLIER" or "RETAILER");

    /// <summary>Resolves names and uuids typed on the command line; an unknown one is a usage error listing the valid names.</summary>
    public IReadOnlyList<Guid> ResolveOrThrow(IEnumerable<string> values)
    {
        IReadOnlyList<Guid> uuids = Resolve(values, out IReadOnlyList<string> unknown);
        return unknown.Count == 0
            ? uuids
            : throw new UsageException(string.Join(Environment.NewLine, unknown.Select(Capitalized))
                + (unknown.Any(u => u.StartsWith("unknown permission", StringComparison.Ordinal)) ? Environment.NewLine + ValidNames : string.Empty)
                + " Nothing was changed.");
    }

    /// <summary>Gets the sentence that lists this environment's permission names.</summary>
    public string ValidNames => $"This environment's permissions are: {TerminalText.Escape(string.Join(", ", _byName.Keys))} (or their uuids; see 'crux catalog list').";

    /// <summary>Why a user's organization cannot hold a permission that the catalog has.</summary>
    public static string NotAvailableMessage(Permission permission) => permission.Visibility?.ToUpperInvariant() switch
    {
        "RETAILER" => $"'{TerminalText.Escape(permission.Name)}' is not available to a supplier organization (it is for retailers only).",
        "SUPPLIER" => $"'{TerminalText.Escape(permission.Name)}' is not available to a retailer organization (it is for suppliers only).",
        _ => $"'{TerminalText.Escape(permission.Name)}' is not available to this user's organization.",
    };

    public string NameOf(Guid uuid) => _byUuid.TryGetValue(uuid, out Permission? permission) ? permission.Name : uuid.ToString("D");

    public IReadOnlyList<string> NamesOf(IEnumerable<Guid> uuids) => [.. uuids.Select(NameOf)];

    /// <summary>The catalog's permissions for uuids this index resolved (so every one is in the catalog).</summary>
    public IReadOnlyList<Permission> PermissionsOf(IEnumerable<Guid> uuids) => [.. uuids.Select(u => _byUuid[u])];

    private static string Capitalized(string sentence) => sentence.Length == 0 ? sentence : char.ToUpperInvariant(sentence[0]) + sentence[1..];
}
