namespace Crux.Connect;

/// <summary>
/// A change of a user's permissions stopped half-way: the permissions to remove were removed (the DELETE succeeded), but
/// adding the missing ones failed (<see cref="Exception.InnerException"/> says why). The user now holds fewer permissions
/// than desired, never more. Running the same change again completes it: it reads the user again and sends only the PATCH.
/// </summary>
public class CruxPartialPermissionChangeException : CruxException
{
    /// <summary>Initializes a new instance of the <see cref="CruxPartialPermissionChangeException"/> class with a default message.</summary>
    /// <remarks><see cref="UserUuid"/> is <see cref="Guid.Empty"/>, <see cref="Removed"/> and <see cref="NotAdded"/> are empty, and <see cref="RemoveRequestId"/> is <see langword="null"/>.</remarks>
    public CruxPartialPermissionChangeException()
        : this(null, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxPartialPermissionChangeException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="UserUuid"/> is <see cref="Guid.Empty"/>, <see cref="Removed"/> and <see cref="NotAdded"/> are empty, and <see cref="RemoveRequestId"/> is <see langword="null"/>.</remarks>
    public CruxPartialPermissionChangeException(string? message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxPartialPermissionChangeException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="UserUuid"/> is <see cref="Guid.Empty"/>, <see cref="Removed"/> and <see cref="NotAdded"/> are empty, and <see cref="RemoveRequestId"/> is <see langword="null"/>.</remarks>
    public CruxPartialPermissionChangeException(string? message, Exception? innerException)
        : this(message, Guid.Empty, [], null, [], innerException)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxPartialPermissionChangeException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="userUuid">The user.</param>
    /// <param name="removed">The permissions that were removed.</param>
    /// <param name="removeRequestId">The server's request id of the DELETE, if it sent one.</param>
    /// <param name="notAdded">The permissions that were to be added and were not.</param>
    /// <param name="innerException">The failure of the addition.</param>
    /// <exception cref="ArgumentNullException"><paramref name="removed"/> or <paramref name="notAdded"/> is <see langword="null"/>.</exception>
    public CruxPartialPermissionChangeException(
        string? message, Guid userUuid, IReadOnlyList<Permission> removed, string? removeRequestId, IReadOnlyList<Permission> notAdded, Exception? innerException)
        : base(message, innerException)
    {
        UserUuid = userUuid;
        Removed = removed ?? throw new ArgumentNullException(nameof(removed));
        RemoveRequestId = removeRequestId;
        NotAdded = notAdded ?? throw new ArgumentNullException(nameof(notAdded));
    }

    /// <summary>Gets the user.</summary>
    public Guid UserUuid { get; }

    /// <summary>Gets the permissions that were removed before the addition failed.</summary>
    public IReadOnlyList<Permission> Removed { get; }

    /// <summary>Gets the server's request id of the DELETE that removed them, if it sent one.</summary>
    public string? RemoveRequestId { get; }

    /// <summary>Gets the permissions that were to be added and were not.</summary>
    public IReadOnlyList<Permission> NotAdded { get; }
}
