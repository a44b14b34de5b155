namespace Crux.Connect.Testing.Internal;

/// <summary>The one state both front doors share. Every member expects the caller to hold <see cref="Gate"/>
/// unless it takes the lock itself (the public-facing methods do).</summary>
internal sealed class SimulatorState
{
    private readonly Dictionary<string, SimulatedPermission> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, SimulatedPermission> _byUuid = [];
    private readonly Dictionary<Guid, SimulatedUser> _users = [];
    private readonly Dictionary<string, SimulatedUser> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimulatedUser> _byUsername = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, HashSet<Guid>> _assignments = [];
    private int _generatedUsers;

    public SimulatorState(int? seed)
    {
        Ids = new IdGenerator(seed);
        var catalog = new List<SimulatedPermission>(PermissionCatalog.Definitions.Length);
        foreach (var d in PermissionCatalog.Definitions)
        {
            var permission = new SimulatedPermission(Ids.NewUuid(), d.Name, d.DisplayName, d.Description, d.Visibility, d.Grouping);
            catalog.Add(permission);
            _byName.Add(permission.Name, permission);
            _byUuid.Add(permission.Uuid, permission);
        }

        Catalog = catalog.AsReadOnly();
    }

    public Lock Gate { get; } = new();

    public IdGenerator Ids { get; }

    public IReadOnlyList<SimulatedPermission> Catalog { get; }

    public int UserCount
    {
        get
        {
            lock (Gate)
            {
                return _users.Count;
            }
        }
    }

    public SimulatedPermission PermissionByName(string name) =>
        _byName.TryGetValue(name, out var permission)
            ? permission
            : throw new ArgumentException($"'{name}' is not a documented permission name.", nameof(name));

    public SimulatedPermission? PermissionByUuid(Guid uuid) => _byUuid.GetValueOrDefault(uuid);

    public SimulatedUser? UserByUuid(Guid uuid) => _users.GetValueOrDefault(uuid);

    public SimulatedUser? UserByToken(string token) => _byToken.GetValueOrDefault(token);

    public SimulatedUser? UserByUsername(string username) => _byUsername.GetValueOrDefault(username);

    public HashSet<Guid> AssignmentsOf(Guid userUuid) => _assignments[userUuid];

    public bool Holds(SimulatedUser user, string permissionName) =>
        _assignments[user.Uuid].Contains(_byName[permissionName].Uuid);

    public SimulatedUser AddUser(SimulatedOrganization organization, string username, string password, IReadOnlyList<string> permissionNames)
    {
        lock (Gate)
        {
            var uuids = ResolveFor(organization, permissionNames);
            if (_byUsername.ContainsKey(username))
            {
                throw new ArgumentException($"A user named '{username}' already exists.", nameof(username));
            }

            return AddUserCore(organization, username, password, uuids);
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Globalization", "CA1308:Normalize strings to uppercase", Justification = "Builds a mail domain, written lowercase as people write one; nothing is compared with it.")]
    public IReadOnlyList<SimulatedUser> AddUsers(SimulatedOrganization organization, int count, IReadOnlyList<string> permissionNames)
    {
        lock (Gate)
        {
            // Names are resolved once for the whole batch, not once per user.
            var uuids = ResolveFor(organization, permissionNames);
            var added = new List<SimulatedUser>(count);
            while (added.Count < count)
            {
                var n = ++_generatedUsers;
                var username = $"user{n}@{organization.Type.ToString().ToLowerInvariant()}.example";
                if (!_byUsername.ContainsKey(username))
                {
                    added.Add(AddUserCore(organization, username, $"password-{n}", uuids));
                }
            }

            return added.AsReadOnly();
        }
    }

    public void Assign(Guid userUuid, IReadOnlyList<string> permissionNames, bool assign)
    {
        lock (Gate)
        {
            var user = UserByUuid(userUuid) ?? throw UnknownUser(userUuid);
            var uuids = ResolveFor(user.Organization, permissionNames);
            var held = _assignments[userUuid];
            foreach (var uuid in uuids)
            {
                _ = assign ? held.Add(uuid) : held.Remove(uuid);
            }
        }
    }

    public Guid[] AssignedUuids(Guid userUuid)
    {
        lock (Gate)
        {
            return _assignments.TryGetValue(userUuid, out var held) ? [.. held] : throw UnknownUser(userUuid);
        }
    }

    public string[] AssignedNames(Guid userUuid)
    {
        lock (Gate)
        {
            var held = _assignments.TryGetValue(userUuid, out var h) ? h : throw UnknownUser(userUuid);
            // Catalog order, so a test can compare against a literal list.
            return [.. Catalog.Where(p => held.Contains(p.Uuid)).Select(p => p.Name)];
        }
    }

    public SimulatedUser FindUser(Guid userUuid)
    {
        lock (Gate)
        {
            return UserByUuid(userUuid) ?? throw UnknownUser(userUuid);
        }
    }

    private static ArgumentException UnknownUser(Guid userUuid) =>
        new($"No simulated user has uuid {userUuid:D}.", nameof(userUuid));

    private Guid[] ResolveFor(SimulatedOrganization organization, IReadOnlyList<string> permissionNames)
    {
        var uuids = new Guid[permissionNames.Count];
        for (var i = 0; i < uuids.Length; i++)
        {
            var permission = PermissionByName(permissionNames[i]);
            if (!permission.IsValidFor(organization.Type))
            {
                throw new ArgumentException(
                    $"'{permission.Name}' is {permission.Visibility}-only and cannot be held by a {organization.WireType} user.",
                    nameof(permissionNames));
            }

            uuids[i] = permission.Uuid;
        }

        return uuids;
    }

    private SimulatedUser AddUserCore(SimulatedOrganization organization, string username, string password, Guid[] permissionUuids)
    {
        var user = new SimulatedUser(Ids.NewUuid(), username, password, Ids.NewToken(), organization);
        _users.Add(user.Uuid, user);
        _byToken.Add(user.Token, user);
        _byUsername.Add(user.Username, user);
        _assignments.Add(user.Uuid, [.. permissionUuids]);
        return user;
    }
}
