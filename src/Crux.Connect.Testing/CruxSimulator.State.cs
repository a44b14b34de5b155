namespace Crux.Connect.Testing;

public sealed partial class CruxSimulator
{
    /// <summary>Gets how many users the simulator holds.</summary>
    public int UserCount => _state.UserCount;

    /// <summary>Gets the permission of a documented name.</summary>
    /// <param name="name">A documented name, e.g. <c>edit_org_users</c>.</param>
    /// <returns>The permission.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a documented permission.</exception>
    public SimulatedPermission Permission(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _state.PermissionByName(name);
    }

    /// <summary>Gets this instance's uuid for a permission name (uuids differ per instance, as per environment).</summary>
    /// <param name="name">A documented name, e.g. <c>edit_org_users</c>.</param>
    /// <returns>The uuid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a documented permission.</exception>
    public Guid PermissionUuid(string name) => Permission(name).Uuid;

    /// <summary>Adds a user.</summary>
    /// <param name="organization">The organization, <see cref="Retailer"/> or <see cref="Supplier"/>.</param>
    /// <param name="username">A unique user name, for login.</param>
    /// <param name="password">The password, for login.</param>
    /// <param name="permissionNames">The permissions the user starts with.</param>
    /// <returns>The user, with a fresh uuid and token.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The user name is taken, a name is unknown, or a permission is not valid for the organization type.</exception>
    public SimulatedUser AddUser(SimulatedOrganization organization, string username, string password, params string[] permissionNames)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrWhiteSpace(password);
        ArgumentNullException.ThrowIfNull(permissionNames);
        return _state.AddUser(organization, username, password, permissionNames);
    }

    /// <summary>Adds many users in one step (10,000 take milliseconds), named <c>user{n}@{retailer|supplier}.example</c>
    /// with password <c>password-{n}</c>.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="count">How many users, zero or more.</param>
    /// <param name="permissionNames">The permissions every one of them starts with.</param>
    /// <returns>The users, in creation order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="ArgumentException">A name is unknown or not valid for the organization type.</exception>
    public IReadOnlyList<SimulatedUser> AddUsers(SimulatedOrganization organization, int count, params string[] permissionNames)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(permissionNames);
        return _state.AddUsers(organization, count, permissionNames);
    }

    /// <summary>Gets a user by uuid.</summary>
    /// <param name="userUuid">The user's uuid.</param>
    /// <returns>The user.</returns>
    /// <exception cref="ArgumentException">No user has that uuid.</exception>
    public SimulatedUser GetUser(Guid userUuid) => _state.FindUser(userUuid);

    /// <summary>Reads the uuids of the permissions a user holds now.</summary>
    /// <param name="userUuid">The user's uuid.</param>
    /// <returns>A snapshot of the uuids.</returns>
    /// <exception cref="ArgumentException">No user has that uuid.</exception>
    public IReadOnlyCollection<Guid> GetAssignedPermissions(Guid userUuid) => _state.AssignedUuids(userUuid);

    /// <summary>Reads the names of the permissions a user holds now, in catalog order.</summary>
    /// <param name="userUuid">The user's uuid.</param>
    /// <returns>A snapshot of the names.</returns>
    /// <exception cref="ArgumentException">No user has that uuid.</exception>
    public IReadOnlyList<string> GetAssignedPermissionNames(Guid userUuid) => _state.AssignedNames(userUuid);

    /// <summary>Gives a user permissions (already-held ones are kept).</summary>
    /// <param name="userUuid">The user's uuid.</param>
    /// <param name="permissionNames">The names to assign.</param>
    /// <exception cref="ArgumentNullException"><paramref name="permissionNames"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No user has that uuid, a name is unknown, or a permission is not valid for the user's organization.</exception>
    public void Assign(Guid userUuid, params string[] permissionNames)
    {
        ArgumentNullException.ThrowIfNull(permissionNames);
        _state.Assign(userUuid, permissionNames, assign: true);
    }

    /// <summary>Takes permissions from a user (ones not held are ignored).</summary>
    /// <param name="userUuid">The user's uuid.</param>
    /// <param name="permissionNames">The names to remove.</param>
    /// <exception cref="ArgumentNullException"><paramref name="permissionNames"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No user has that uuid, a name is unknown, or a permission is not valid for the user's organization.</exception>
    public void Unassign(Guid userUuid, params string[] permissionNames)
    {
        ArgumentNullException.ThrowIfNull(permissionNames);
        _state.Assign(userUuid, permissionNames, assign: false);
    }
}
