using System.Net;
using System.Runtime.CompilerServices;
using Crux.Connect.Bulk;
using Crux.Connect.Internal;

namespace Crux.Connect;

public partial class OrganizationUsersClient
{
    /// <summary>
    /// Removes the same permissions from many users ("nobody in purchasing keeps <c>edit_org_users</c>"), a few users at a time.
    /// A failure never stops the operation: each user gets an outcome, the result or the exception that ended its change.
    /// Transient failures are retried per user as <see cref="CruxClientOptions.Retry"/> says; a 429 (Too Many Requests) pauses
    /// every worker together until its <c>Retry-After</c> has passed, then the user is tried again
    /// (<see cref="CruxBulkOptions.MaxRateLimitRetries"/>).
    /// </summary>
    /// <param name="userUuids">The users. Duplicates are changed once; the order is kept in the outcomes.</param>
    /// <param name="permissionUuids">The permissions to remove. Duplicates are sent once.</param>
    /// <param name="options">The concurrency and rate-limit settings; <see langword="null"/> for the defaults (4 at a time).</param>
    /// <param name="progress">Told after each user is done (and once at the start), in order; <see langword="null"/> for none.
    /// It is called from worker threads: <see cref="Progress{T}"/> is a safe choice.</param>
    /// <param name="cancellationToken">Stops the operation: no new user is started, changes in flight are abandoned, and a
    /// <see cref="CruxBulkCanceledException"/> (an <see cref="OperationCanceledException"/>) says what was done and what was not.</param>
    /// <returns>One outcome per distinct user, in the order given, and the figures of the run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="userUuids"/> or <paramref name="permissionUuids"/> is <see langword="null"/>. Nothing is sent.</exception>
    /// <exception cref="ArgumentException"><paramref name="userUuids"/> holds <see cref="Guid.Empty"/>; <paramref name="permissionUuids"/> is empty or holds
    /// <see cref="Guid.Empty"/>; or <paramref name="options"/> is out of range. Nothing is sent.</exception>
    /// <exception cref="CruxBulkCanceledException"><paramref name="cancellationToken"/> was cancelled before every user was done.</exception>
    [OverloadResolutionPriority(1)]
    public virtual Task<CruxBulkResult<RemovePermissionsResult>> RemovePermissionsFromUsersAsync(
        IEnumerable<Guid> userUuids,
        IEnumerable<Guid> permissionUuids,
        CruxBulkOptions? options = null,
        IProgress<CruxBulkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guid[] users = BulkUsers.Create(userUuids, nameof(userUuids));
        Guid[] uuids = DistinctUuids.Create(permissionUuids, nameof(permissionUuids));
        CruxBulkOptions bulkOptions = BulkOptionsSnapshot.Create(options, nameof(options));
        return RunBulkAsync(users, (user, group, ct) => NewScope(group) is { } scope ? RemoveCoreAsync(user, uuids, scope, ct) : RemovePermissionsAsync(user, uuids, ct), bulkOptions, progress, cancellationToken);
    }

    /// <summary>
    /// Removes named permissions (for example <see cref="CruxPermissionNames.EditOrgUsers"/>) from many users. The names are
    /// resolved once, before anything is removed, through the client's cached catalog; then it is
    /// <see cref="RemovePermissionsFromUsersAsync(IEnumerable{Guid}, IEnumerable{Guid}, CruxBulkOptions?, IProgress{CruxBulkProgress}?, CancellationToken)"/>.
    /// </summary>
    /// <param name="userUuids">The users. Duplicates are changed once; the order is kept in the outcomes.</param>
    /// <param name="permissionNames">The names of the permissions to remove, compared ordinally.</param>
    /// <param name="options">The concurrency and rate-limit settings; <see langword="null"/> for the defaults (4 at a time).</param>
    /// <param name="progress">Told after each user is done (and once at the start), in order; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops the operation; see the overload that takes uuids.</param>
    /// <returns>One outcome per distinct user, in the order given, and the figures of the run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="userUuids"/> or <paramref name="permissionNames"/> is <see langword="null"/>. Nothing is sent.</exception>
    /// <exception cref="ArgumentException"><paramref name="userUuids"/> holds <see cref="Guid.Empty"/>; <paramref name="permissionNames"/> is empty,
    /// holds a blank name or a name this environment does not know (the message lists the valid ones); or <paramref name="options"/> is out of range.
    /// Nothing is removed.</exception>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/catalog/exception"/>
    /// <exception cref="CruxBulkCanceledException"><paramref name="cancellationToken"/> was cancelled before every user was done.</exception>
    public virtual async Task<CruxBulkResult<RemovePermissionsResult>> RemovePermissionsFromUsersAsync(
        IEnumerable<Guid> userUuids,
        IEnumerable<string> permissionNames,
        CruxBulkOptions? options = null,
        IProgress<CruxBulkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guid[] users = BulkUsers.Create(userUuids, nameof(userUuids));
        string[] names = PermissionNameList.Create(permissionNames, nameof(permissionNames));
        CruxBulkOptions bulkOptions = BulkOptionsSnapshot.Create(options, nameof(options));
        Guid[] uuids = await ResolveForBulkAsync<RemovePermissionsResult>(users, names, nameof(permissionNames), cancellationToken).ConfigureAwait(false);
        return await RunBulkAsync(users, (user, group, ct) => NewScope(group) is { } scope ? RemoveCoreAsync(user, uuids, scope, ct) : RemovePermissionsAsync(user, uuids, ct), bulkOptions, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the same permissions to many users, a few at a time, with the same guarantees as
    /// <see cref="RemovePermissionsFromUsersAsync(IEnumerable{Guid}, IEnumerable{Guid}, CruxBulkOptions?, IProgress{CruxBulkProgress}?, CancellationToken)"/>.
    /// </summary>
    /// <param name="userUuids">The users. Duplicates are changed once; the order is kept in the outcomes.</param>
    /// <param name="permissionUuids">The permissions to add. Duplicates are sent once.</param>
    /// <param name="options">The concurrency and rate-limit settings; <see langword="null"/> for the defaults (4 at a time).</param>
    /// <param name="progress">Told after each user is done (and once at the start), in order; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops the operation; see the removal overload.</param>
    /// <returns>One outcome per distinct user, in the order given, and the figures of the run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="userUuids"/> or <paramref name="permissionUuids"/> is <see langword="null"/>. Nothing is sent.</exception>
    /// <exception cref="ArgumentException"><paramref name="userUuids"/> holds <see cref="Guid.Empty"/>; <paramref name="permissionUuids"/> is empty or holds
    /// <see cref="Guid.Empty"/>; or <paramref name="options"/> is out of range. Nothing is sent.</exception>
    /// <exception cref="CruxBulkCanceledException"><paramref name="cancellationToken"/> was cancelled before every user was done.</exception>
    [OverloadResolutionPriority(1)]
    public virtual Task<CruxBulkResult<AddPermissionsResult>> AddPermissionsToUsersAsync(
        IEnumerable<Guid> userUuids,
        IEnumerable<Guid> permissionUuids,
        CruxBulkOptions? options = null,
        IProgress<CruxBulkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guid[] users = BulkUsers.Create(userUuids, nameof(userUuids));
        Guid[] uuids = DistinctUuids.Create(permissionUuids, nameof(permissionUuids));
        CruxBulkOptions bulkOptions = BulkOptionsSnapshot.Create(options, nameof(options));
        return RunBulkAsync(users, (user, group, ct) => NewScope(group) is { } scope ? AddCoreAsync(user, uuids, scope, ct) : AddPermissionsAsync(user, uuids, ct), bulkOptions, progress, cancellationToken);
    }

    /// <summary>
    /// Adds named permissions to many users. The names are resolved once, before anything is added; then it is
    /// <see cref="AddPermissionsToUsersAsync(IEnumerable{Guid}, IEnumerable{Guid}, CruxBulkOptions?, IProgress{CruxBulkProgress}?, CancellationToken)"/>.
    /// </summary>
    /// <param name="userUuids">The users. Duplicates are changed once; the order is kept in the outcomes.</param>
    /// <param name="permissionNames">The names of the permissions to add, compared ordinally.</param>
    /// <param name="options">The concurrency and rate-limit settings; <see langword="null"/> for the defaults (4 at a time).</param>
    /// <param name="progress">Told after each user is done (and once at the start), in order; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops the operation; see the removal overload.</param>
    /// <returns>One outcome per distinct user, in the order given, and the figures of the run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="userUuids"/> or <paramref name="permissionNames"/> is <see langword="null"/>. Nothing is sent.</exception>
    /// <exception cref="ArgumentException"><paramref name="userUuids"/> holds <see cref="Guid.Empty"/>; <paramref name="permissionNames"/> is empty,
    /// holds a blank name or a name this environment does not know (the message lists the valid ones); or <paramref name="options"/> is out of range.
    /// Nothing is added.</exception>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/catalog/exception"/>
    /// <exception cref="CruxBulkCanceledException"><paramref name="cancellationToken"/> was cancelled before every user was done.</exception>
    public virtual async Task<CruxBulkResult<AddPermissionsResult>> AddPermissionsToUsersAsync(
        IEnumerable<Guid> userUuids,
        IEnumerable<string> permissionNames,
        CruxBulkOptions? options = null,
        IProgress<CruxBulkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guid[] users = BulkUsers.Create(userUuids, nameof(userUuids));
        string[] names = PermissionNameList.Create(permissionNames, nameof(permissionNames));
        CruxBulkOptions bulkOptions = BulkOptionsSnapshot.Create(options, nameof(options));
        Guid[] uuids = await ResolveForBulkAsync<AddPermissionsResult>(users, names, nameof(permissionNames), cancellationToken).ConfigureAwait(false);
        return await RunBulkAsync(users, (user, group, ct) => NewScope(group) is { } scope ? AddCoreAsync(user, uuids, scope, ct) : AddPermissionsAsync(user, uuids, ct), bulkOptions, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resolves the names of a bulk run; cancelled before any user started, every user is pending, as the XML docs promise.</summary>
    private async Task<Guid[]> ResolveForBulkAsync<TResult>(Guid[] users, string[] names, string paramName, CancellationToken cancellationToken)
        where TResult : class
    {
        try
        {
            return await ResolveCoreAsync(names, paramName, NewScope(), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw CruxBulkCanceledException.Create<TResult>(new CruxBulkProgress(users.Length, 0, 0, 0), [], users, cancellationToken);
        }
    }

    /// <summary>
    /// Runs a single-user change for every user: on a real client the internal core method, in a scope of its own (its own
    /// deadline) that carries the run's <see cref="RetryGroup"/>; on a client created for mocking (which has no core: the
    /// constructor that takes one is internal, so a derived type never has one) the public virtual method, so the mock's
    /// override runs. Each user's change is one call with its own pipeline, retries and deadline.
    /// </summary>
    private Task<CruxBulkResult<TResult>> RunBulkAsync<TResult>(
        Guid[] users, Func<Guid, RetryGroup, CancellationToken, Task<TResult>> change, CruxBulkOptions options, IProgress<CruxBulkProgress>? progress, CancellationToken cancellationToken)
        where TResult : class =>
        new BulkRunner<TResult>(users, change, _core?.TimeProvider ?? TimeProvider.System, options, progress).RunAsync(cancellationToken);
}
