using System.Diagnostics.CodeAnalysis;
using Crux.Connect.Internal;

// Overloads that differ in what they take (uuids or names, one user or many), each with the CancellationToken last and
// optional, are the .NET pattern. The rule guards against adding optional parameters to a shipped method, which we
// never do: a new need gets a new overload.
[assembly: SuppressMessage(
    "ApiDesign",
    "RS0026:Do not add multiple public overloads with optional parameters",
    Scope = "type",
    Target = "~T:Crux.Connect.OrganizationUsersClient",
    Justification = "Overloads by argument type with a trailing optional CancellationToken; shipped signatures are never extended.")]

namespace Crux.Connect;

public partial class OrganizationUsersClient
{
    private PermissionCatalogCache? _mockCatalog;

    /// <summary>
    /// Removes permissions, named (for example <see cref="CruxPermissionNames.EditOrgUsers"/>), from an organization user.
    /// The names are resolved to this environment's uuids through <see cref="GetAllPermissionsAsync"/>; the catalog is
    /// cached per client for <see cref="CruxClientOptions.PermissionCatalogLifetime"/> and read again when a name is missing
    /// from it. Then it is <see cref="RemovePermissionsAsync(Guid, IEnumerable{Guid}, CancellationToken)"/>.
    /// </summary>
    /// <param name="userUuid">The user whose permissions are removed.</param>
    /// <param name="permissionNames">The names of the permissions to remove, compared ordinally (case-sensitive). Duplicates are sent once.</param>
    /// <param name="cancellationToken">Cancels the call; raises <see cref="OperationCanceledException"/>.</param>
    /// <returns>What was sent (the resolved uuids) and the success status the server answered.</returns>
    /// <exception cref="ArgumentException"><paramref name="userUuid"/> is <see cref="Guid.Empty"/>; <paramref name="permissionNames"/> is empty or holds
    /// a null or blank name; or a name is not in this environment's catalog: then a <see cref="CruxUnknownPermissionException"/> listing the unknown names and the valid ones.
    /// <see cref="ArgumentException.ParamName"/> names the argument. Nothing is removed.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="permissionNames"/> is <see langword="null"/>.</exception>
    /// <exception cref="CruxApiException">The server answered with a failure status (reading the catalog or removing).</exception>
    /// <exception cref="CruxInvalidResponseException">The catalog was not the documented JSON.</exception>
    /// <exception cref="CruxAmbiguousPermissionException">The catalog lists a name under two uuids; nothing was sent.</exception>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/transport/exception"/>
    public virtual async Task<RemovePermissionsResult> RemovePermissionsAsync(
        Guid userUuid, IEnumerable<string> permissionNames, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(userUuid);
        string[] names = PermissionNameList.Create(permissionNames, nameof(permissionNames));
        return await ChangeByNameAsync(
            names,
            nameof(permissionNames),
            (uuids, scope) => scope is null ? RemovePermissionsAsync(userUuid, uuids, cancellationToken) : RemoveCoreAsync(userUuid, uuids, scope, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds permissions, named (for example <see cref="CruxPermissionNames.ViewOrder"/>), to an organization user. Names are
    /// resolved like <see cref="RemovePermissionsAsync(Guid, IEnumerable{string}, CancellationToken)"/> does; then it is
    /// <see cref="AddPermissionsAsync(Guid, IEnumerable{Guid}, CancellationToken)"/>.
    /// </summary>
    /// <param name="userUuid">The user who receives the permissions.</param>
    /// <param name="permissionNames">The names of the permissions to add, compared ordinally (case-sensitive). Duplicates are sent once.</param>
    /// <param name="cancellationToken">Cancels the call; raises <see cref="OperationCanceledException"/>.</param>
    /// <returns>What was sent (the resolved uuids) and the success status the server answered.</returns>
    /// <exception cref="ArgumentException"><paramref name="userUuid"/> is <see cref="Guid.Empty"/>; <paramref name="permissionNames"/> is empty or holds
    /// a null or blank name; or a name is not in this environment's catalog: then a <see cref="CruxUnknownPermissionException"/> listing the unknown names and the valid ones. Nothing is added.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="permissionNames"/> is <see langword="null"/>.</exception>
    /// <exception cref="CruxApiException">The server answered with a failure status (reading the catalog or adding).</exception>
    /// <exception cref="CruxInvalidResponseException">The catalog was not the documented JSON.</exception>
    /// <exception cref="CruxAmbiguousPermissionException">The catalog lists a name under two uuids; nothing was sent.</exception>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/transport/exception"/>
    public virtual async Task<AddPermissionsResult> AddPermissionsAsync(
        Guid userUuid, IEnumerable<string> permissionNames, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(userUuid);
        string[] names = PermissionNameList.Create(permissionNames, nameof(permissionNames));
        return await ChangeByNameAsync(
            names,
            nameof(permissionNames),
            (uuids, scope) => scope is null ? AddPermissionsAsync(userUuid, uuids, cancellationToken) : AddCoreAsync(userUuid, uuids, scope, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Resolves permission names to this environment's uuids, through the client's cached catalog (see
    /// <see cref="CruxClientOptions.PermissionCatalogLifetime"/>). Useful to resolve once and reuse the uuids.
    /// </summary>
    /// <param name="permissionNames">The names, compared ordinally (case-sensitive). Duplicates are resolved once.</param>
    /// <param name="cancellationToken">Cancels the call; raises <see cref="OperationCanceledException"/>.</param>
    /// <returns>The uuids, in the order of the first occurrence of each name.</returns>
    /// <exception cref="ArgumentException"><paramref name="permissionNames"/> is empty or holds a null or blank name, or a name is not in
    /// this environment's catalog: then a <see cref="CruxUnknownPermissionException"/> listing the unknown names and the valid ones.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="permissionNames"/> is <see langword="null"/>.</exception>
    /// <exception cref="CruxApiException">The server answered with a failure status.</exception>
    /// <exception cref="CruxInvalidResponseException">The catalog was not the documented JSON.</exception>
    /// <exception cref="CruxAmbiguousPermissionException">The catalog lists a name under two uuids; nothing was sent.</exception>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/transport/exception"/>
    public virtual async Task<IReadOnlyList<Guid>> ResolvePermissionNamesAsync(
        IEnumerable<string> permissionNames, CancellationToken cancellationToken = default)
    {
        string[] names = PermissionNameList.Create(permissionNames, nameof(permissionNames));
        return await ResolveCoreAsync(names, nameof(permissionNames), NewScope(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<Guid[]> ResolveCoreAsync(string[] names, string paramName, CruxCallScope? scope, CancellationToken cancellationToken) =>
        (await ResolveCoreAsync(names, paramName, forceRead: false, scope, cancellationToken).ConfigureAwait(false)).Uuids;

    private Task<(Guid[] Uuids, bool Fresh)> ResolveCoreAsync(string[] names, string paramName, bool forceRead, CruxCallScope? scope, CancellationToken cancellationToken)
    {
        // A mock that overrides GetAllPermissionsAsync alone still resolves names, with a cache of its own.
        PermissionCatalogCache catalog = _core?.PermissionCatalog
            ?? LazyInitializer.EnsureInitialized(ref _mockCatalog, static () => new PermissionCatalogCache(CruxClientOptions.DefaultPermissionCatalogLifetime))!;
        Func<CancellationToken, Task<IReadOnlyList<Permission>>> read = scope is null ? GetAllPermissionsAsync : ct => GetAllPermissionsCoreAsync(scope, ct);
        return catalog.ResolveWithFreshnessAsync(names, read, _core?.TimeProvider ?? TimeProvider.System, paramName, forceRead, cancellationToken);
    }

    /// <summary>
    /// One by-name change, start to end in one <see cref="CruxCallScope"/> (the catalog read and the change together are
    /// bounded by <see cref="CruxClientOptions.Timeout"/>). If the server refuses uuids that came from a cached catalog (400 or
    /// 422: a permission deleted and created again under a new uuid), the catalog is read anew and, if the names now resolve
    /// to other uuids, the change is sent once more with those. A mock (no scope) is called through its public methods.
    /// </summary>
    private async Task<TResult> ChangeByNameAsync<TResult>(
        string[] names, string paramName, Func<Guid[], CruxCallScope?, Task<TResult>> change, CancellationToken cancellationToken)
    {
        CruxCallScope? scope = NewScope();
        (Guid[] uuids, bool fresh) = await ResolveCoreAsync(names, paramName, forceRead: false, scope, cancellationToken).ConfigureAwait(false);
        try
        {
            return await change(uuids, scope).ConfigureAwait(false);
        }
        catch (CruxApiException exception) when (!fresh && exception is CruxBadRequestException or CruxUnprocessableEntityException)
        {
            (Guid[] reread, _) = await ResolveCoreAsync(names, paramName, forceRead: true, scope, cancellationToken).ConfigureAwait(false);
            if (reread.SequenceEqual(uuids))
            {
                throw;
            }

            return await change(reread, scope).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The scope of a public call that sends several requests (its one deadline), or of one user of a bulk run
    /// (<paramref name="group"/>); <see langword="null"/> for a client created for mocking, whose public methods are called instead.
    /// </summary>
    private CruxCallScope? NewScope(RetryGroup? group = null) => _core is { } core ? new CruxCallScope(core, group) : null;
}
