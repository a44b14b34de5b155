using Crux.Connect.Internal;

namespace Crux.Connect;

/// <summary>
/// A permission name that the environment's catalog does not hold was passed to a by-name overload; nothing was sent.
/// An <see cref="ArgumentException"/> (bad input, <see cref="ArgumentException.ParamName"/> names the argument) with a
/// type of its own, so a web application can answer it with a 400 listing <see cref="ValidNames"/> instead of a 500.
/// </summary>
public sealed class CruxUnknownPermissionException : ArgumentException
{
    /// <summary>Initializes a new instance of the <see cref="CruxUnknownPermissionException"/> class with a default message.</summary>
    /// <remarks><see cref="UnknownNames"/> and <see cref="ValidNames"/> are empty, and <see cref="ArgumentException.ParamName"/> is <see langword="null"/>.</remarks>
    public CruxUnknownPermissionException()
    {
        UnknownNames = [];
        ValidNames = [];
    }

    /// <summary>Initializes a new instance of the <see cref="CruxUnknownPermissionException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    /// <remarks><see cref="UnknownNames"/> and <see cref="ValidNames"/> are empty, and <see cref="ArgumentException.ParamName"/> is <see langword="null"/>.</remarks>
    public CruxUnknownPermissionException(string? message)
        : base(message)
    {
        UnknownNames = [];
        ValidNames = [];
    }

    /// <summary>Initializes a new instance of the <see cref="CruxUnknownPermissionException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    /// <remarks><see cref="UnknownNames"/> and <see cref="ValidNames"/> are empty, and <see cref="ArgumentException.ParamName"/> is <see langword="null"/>.</remarks>
    public CruxUnknownPermissionException(string? message, Exception? innerException)
        : base(message, innerException)
    {
        UnknownNames = [];
        ValidNames = [];
    }

    /// <summary>Initializes a new instance of the <see cref="CruxUnknownPermissionException"/> class.</summary>
    /// <param name="unknownNames">The names that are not in the catalog, in the caller's order.</param>
    /// <param name="validNames">The names the catalog holds, sorted.</param>
    /// <param name="paramName">The argument that carried the names.</param>
    /// <exception cref="ArgumentNullException"><paramref name="unknownNames"/> or <paramref name="validNames"/> is <see langword="null"/>.</exception>
    public CruxUnknownPermissionException(IReadOnlyList<string> unknownNames, IReadOnlyList<string> validNames, string? paramName)
        : base(Describe(unknownNames, validNames), paramName)
    {
        UnknownNames = unknownNames;
        ValidNames = validNames;
    }

    /// <summary>Initializes a new instance of the <see cref="CruxUnknownPermissionException"/> class, saying which names belong to the other organization type.</summary>
    /// <param name="unknownNames">The names that are not in the catalog, in the caller's order.</param>
    /// <param name="validNames">The names the catalog holds, sorted.</param>
    /// <param name="paramName">The argument that carried the names.</param>
    /// <param name="otherOrganizationTypeNames">Those of <paramref name="unknownNames"/> that Crux Connect offers to the other organization type only
    /// (a retailer-only name for a supplier, or the reverse); the message says so instead of "unknown".</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="paramName"/> is <see langword="null"/>.</exception>
    public CruxUnknownPermissionException(
        IReadOnlyList<string> unknownNames, IReadOnlyList<string> validNames, string? paramName, IReadOnlyList<string> otherOrganizationTypeNames)
        : base(
            (otherOrganizationTypeNames ?? throw new ArgumentNullException(nameof(otherOrganizationTypeNames))).Count == 0
                ? Describe(unknownNames, validNames)
                : OrganizationTypeNames.Describe(
                    unknownNames ?? throw new ArgumentNullException(nameof(unknownNames)),
                    otherOrganizationTypeNames,
                    validNames ?? throw new ArgumentNullException(nameof(validNames))),
            paramName)
    {
        UnknownNames = unknownNames;
        ValidNames = validNames;
        OtherOrganizationTypeNames = otherOrganizationTypeNames;
    }

    /// <summary>
    /// Gets those of <see cref="UnknownNames"/> that exist in Crux Connect but for the other organization type only (for example
    /// <see cref="CruxPermissionNames.CreateOrder"/>, a retailer's, asked of a supplier's catalog); empty when every unknown name is simply unknown.
    /// </summary>
    public IReadOnlyList<string> OtherOrganizationTypeNames { get; } = [];

    /// <summary>Gets the names that are not in the catalog, in the caller's order.</summary>
    public IReadOnlyList<string> UnknownNames { get; }

    /// <summary>Gets the names this environment's catalog holds, sorted.</summary>
    public IReadOnlyList<string> ValidNames { get; }

    private static string Describe(IReadOnlyList<string> unknownNames, IReadOnlyList<string> validNames)
    {
        Guard.NotNull(unknownNames);
        Guard.NotNull(validNames);

        // The known names are the server's text (its catalog): escaped, cut and counted like any other, never raw.
        return $"Unknown permission name{(unknownNames.Count == 1 ? string.Empty : "s")}: {Diagnostics.ServerText.Names(unknownNames)}. " +
            $"Nothing was sent. The names this environment knows are: {Diagnostics.ServerText.Names(validNames)}.";
    }
}
