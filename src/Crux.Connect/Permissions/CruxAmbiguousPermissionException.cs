namespace Crux.Connect;

/// <summary>
/// The catalog lists one permission name under two or more uuids (names that differ only in case count as one name), so the
/// SDK cannot tell which permission is meant: a by-name call with that name, or a set or plan that would take one of those
/// uuids away and give the other, fails before anything is sent. Not retried: ask Crux Connect support which uuid is the
/// permission, and pass that uuid.
/// </summary>
public class CruxAmbiguousPermissionException : CruxException
{
    /// <summary>Initializes a new instance of the <see cref="CruxAmbiguousPermissionException"/> class with a default message.</summary>
    /// <remarks><see cref="PermissionName"/> is empty, <see cref="PermissionUuids"/> is empty and <see cref="UserUuid"/> is <see langword="null"/>.</remarks>
    public CruxAmbiguousPermissionException()
        : this(null, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxAmbiguousPermissionException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="PermissionName"/> is empty, <see cref="PermissionUuids"/> is empty and <see cref="UserUuid"/> is <see langword="null"/>.</remarks>
    public CruxAmbiguousPermissionException(string? message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxAmbiguousPermissionException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="PermissionName"/> is empty, <see cref="PermissionUuids"/> is empty and <see cref="UserUuid"/> is <see langword="null"/>.</remarks>
    public CruxAmbiguousPermissionException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        PermissionName = string.Empty;
        PermissionUuids = [];
    }

    /// <summary>Initializes a new instance of the <see cref="CruxAmbiguousPermissionException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="permissionName">The name that is ambiguous, as the caller or the catalog wrote it.</param>
    /// <param name="permissionUuids">Every uuid listed under that name.</param>
    /// <param name="userUuid">The user whose set or plan it stopped; <see langword="null"/> for a by-name call.</param>
    /// <exception cref="ArgumentNullException"><paramref name="permissionName"/> or <paramref name="permissionUuids"/> is <see langword="null"/>.</exception>
    public CruxAmbiguousPermissionException(string? message, string permissionName, IReadOnlyList<Guid> permissionUuids, Guid? userUuid)
        : base(message)
    {
        PermissionName = permissionName ?? throw new ArgumentNullException(nameof(permissionName));
        PermissionUuids = permissionUuids ?? throw new ArgumentNullException(nameof(permissionUuids));
        UserUuid = userUuid;
    }

    /// <summary>Gets the name that is ambiguous.</summary>
    public string PermissionName { get; }

    /// <summary>Gets every uuid listed under <see cref="PermissionName"/>, in the order the server listed them.</summary>
    public IReadOnlyList<Guid> PermissionUuids { get; }

    /// <summary>Gets the user whose set or plan the ambiguity stopped; <see langword="null"/> for a by-name call.</summary>
    public Guid? UserUuid { get; }
}
