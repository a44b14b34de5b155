namespace Crux.Connect.Cli.Permissions;

/// <summary>
/// The environment's permission catalog, read once per run: turns what a person types (a name or a uuid) into uuids
/// before anything is changed, and uuids back into names for tables.
/// </summary>
internal sealed class CatalogIndex
{
    private readonly Dictionary<string, Permission> _byName;
    private readonly Dictionary<Guid, Permission> _byUuid;

    public CatalogIndex(IReadOnlyList<Permission> permissions)
    {
        Permissions = permissions;
        _byName = new Dictionary<string, Permission>(StringComparer.Ordinal);
        _byUuid = [];
        foreach (Permission permission in permissions)
        {
            _byName.TryAdd(permission.Name, permission);
            _byUuid.TryAdd(permission.Uuid, permission);
        }
    }

    public IReadOnlyList<Permission> Permissions { get; }

    public static async Task<CatalogIndex> LoadAsync(OrganizationUsersClient users, CancellationToken cancellationToken) =>
        new(await users.GetAllPermissionsAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>Resolves names and uuids, all or none.</summary>
    /// <param name="values">What was typed or read from a file.</param>
    /// <param name="unknown">The values that are neither a name nor a uuid of this catalog, in order.</param>
    /// <returns>The uuids, duplicates once, in the order first given.</returns>
    public IReadOnlyList<Guid> Resolve(IEnumerable<string> values, out IReadOnlyList<string> unknown)
    {
        var uuids = new List<Guid>();
        var seen = new HashSet<Guid>();
        var missing = new List<string>();
        foreach (string raw in values)
        {
            string value = raw.Trim();
            Permission? permission = _byName.GetValueOrDefault(value)
                ?? (Guid.TryParse(value, out Guid uuid) ? _byUuid.GetValueOrDefault(uuid) : null);
            if (permission is null)
            {
                missing.Add(value);
            }
            else if (seen.Add(permission.Uuid))
            {
                uuids.Add(permission.Uuid);
            }
        }

        unknown = missing;
        return uuids;
    }

    /// <summary>Resolves names and uuids typed on the command line; an unknown one is a usage error listing the valid names.</summary>
    public IReadOnlyList<Guid> ResolveOrThrow(IEnumerable<string> values)
    {
        IReadOnlyList<Guid> uuids = Resolve(values, out IReadOnlyList<string> unknown);
        return unknown.Count == 0 ? uuids : throw new UsageException(UnknownMessage(unknown));
    }

    public string UnknownMessage(IReadOnlyList<string> unknown) =>
        $"Unknown permission{(unknown.Count == 1 ? "" : "s")}: {string.Join(", ", unknown)}. "
        + $"This environment's are: {string.Join(", ", Permissions.Select(p => p.Name))} (or their uuids; see 'crux catalog list').";

    public string NameOf(Guid uuid) => _byUuid.TryGetValue(uuid, out Permission? permission) ? permission.Name : uuid.ToString("D");

    public IReadOnlyList<string> NamesOf(IEnumerable<Guid> uuids) => [.. uuids.Select(NameOf)];

    /// <summary>The catalog's permissions for uuids this index resolved (so every one is in the catalog).</summary>
    public IReadOnlyList<Permission> PermissionsOf(IEnumerable<Guid> uuids) => [.. uuids.Select(u => _byUuid[u])];
}
