namespace Crux.Connect;

/// <summary>
/// A desired permission is one the user's organization cannot hold (for example a supplier-only permission for a retailer's
/// user), or no permission of this environment at all: it is not among the permissions Crux Connect lists for that user. Raised by
/// <see cref="OrganizationUsersClient.SetPermissionsAsync(Guid, IEnumerable{Guid}, CancellationToken)"/> and the planning
/// methods after reading the user's permissions and before anything is changed. Not retried: the request itself is wrong.
/// </summary>
public class CruxPermissionsNotAvailableException : CruxException
{
    /// <summary>Initializes a new instance of the <see cref="CruxPermissionsNotAvailableException"/> class with a default message.</summary>
    /// <remarks><see cref="UserUuid"/> is <see cref="Guid.Empty"/>; <see cref="PermissionUuids"/> and <see cref="PermissionNames"/> are empty.</remarks>
    public CruxPermissionsNotAvailableException()
        : this(null, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxPermissionsNotAvailableException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="UserUuid"/> is <see cref="Guid.Empty"/>; <see cref="PermissionUuids"/> and <see cref="PermissionNames"/> are empty.</remarks>
    public CruxPermissionsNotAvailableException(string? message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxPermissionsNotAvailableException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="UserUuid"/> is <see cref="Guid.Empty"/>; <see cref="PermissionUuids"/> and <see cref="PermissionNames"/> are empty.</remarks>
    public CruxPermissionsNotAvailableException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        PermissionUuids = [];
        PermissionNames = [];
    }

    /// <summary>Initializes a new instance of the <see cref="CruxPermissionsNotAvailableException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="userUuid">The user.</param>
    /// <param name="permissionUuids">The desired permissions the user's organization cannot hold.</param>
    /// <param name="permissionNames">Their names, when the caller gave names; otherwise empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="permissionUuids"/> or <paramref name="permissionNames"/> is <see langword="null"/>.</exception>
    public CruxPermissionsNotAvailableException(
        string? message, Guid userUuid, IReadOnlyList<Guid> permissionUuids, IReadOnlyList<string> permissionNames)
        : base(message)
    {
        UserUuid = userUuid;
        PermissionUuids = permissionUuids ?? throw new ArgumentNullException(nameof(permissionUuids));
        PermissionNames = permissionNames ?? throw new ArgumentNullException(nameof(permissionNames));
    }

    /// <summary>Gets the user.</summary>
    public Guid UserUuid { get; }

    /// <summary>Gets the desired permissions the user's organization cannot hold, in the caller's order.</summary>
    public IReadOnlyList<Guid> PermissionUuids { get; }

    /// <summary>Gets their names when the caller gave names (in the same order as <see cref="PermissionUuids"/>); otherwise empty.</summary>
    public IReadOnlyList<string> PermissionNames { get; }
}
