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
        return RunBulkAsync(users, uuids, Removal, bulkOptions, progress, cancellationToken);
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
        return await RunBulkAsync(users, uuids, Removal, bulkOptions, progress, cancellationToken).ConfigureAwait(false);
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
        return RunBulkAsync(users, uuids, Addition, bulkOptions, progress, cancellationToken);
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
        return await RunBulkAsync(users, uuids, Addition, bulkOptions, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resolves the names of a bulk run; cancelled before any user started, every user is pending, as the XML docs promise.</summary>
    private async Task<Guid[]> ResolveForBulkAsync<TResult>(Guid[] users, string[] names, string paramName, CancellationToken cancellationToken)
        where TResult : class
    {
        try
        {
            return await ResolveCoreAsync(names, paramName, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw CruxBulkCanceledException.Create<TResult>(new CruxBulkProgress(users.Length, 0, 0, 0), [], users, cancellationToken);
        }
    }

    private static BulkChange<RemovePermissionsResult> Removal { get; } = new(
        "RemovePermissions",
        HttpMethod.Delete,
        static (user, uuids, status, requestId) => new RemovePermissionsResult(user, uuids, status, requestId),
        static (client, user, uuids, ct) => client.RemovePermissionsAsync(user, uuids, ct));

    private static BulkChange<AddPermissionsResult> Addition { get; } = new(
        "AddPermissions",
        new HttpMethod("PATCH"),
        static (user, uuids, status, requestId) => new AddPermissionsResult(user, uuids, status, requestId),
        static (client, user, uuids, ct) => client.AddPermissionsAsync(user, uuids, ct));

    private Task<CruxBulkResult<TResult>> RunBulkAsync<TResult>(
        Guid[] users, Guid[] uuids, BulkChange<TResult> change, CruxBulkOptions options, IProgress<CruxBulkProgress>? progress, CancellationToken cancellationToken)
        where TResult : class
    {
        Func<Guid, CancellationToken, Task<TResult>> tryOnce;
        if (_core is { } core)
        {
            // Built once for all users: every request of the run carries exactly these bytes.
            byte[] body = PermissionUuidsBody.Create(uuids);
            HttpClient httpClient = _httpClient!;
            tryOnce = (user, ct) => TryChangeOnceAsync(httpClient, core, change, user, uuids, body, ct);
        }
        else
        {
            // A mock with no connection: go through the virtual single-user methods it overrides.
            tryOnce = (user, ct) => change.CallPublicMethod(this, user, uuids, ct);
        }

        var runner = new BulkRunner<TResult>(users, tryOnce, _core?.Settings, _core?.TimeProvider ?? TimeProvider.System, options, progress);
        return runner.RunAsync(cancellationToken);
    }

    private static async Task<TResult> TryChangeOnceAsync<TResult>(
        HttpClient httpClient, CruxClientCore core, BulkChange<TResult> change, Guid user, Guid[] uuids, byte[] body, CancellationToken cancellationToken)
        where TResult : class
    {
        // The bulk runner sees every 429 and every other transient failure itself, to pause all workers together and to
        // retry on its terms; the pipeline makes one attempt, so the two retry loops never multiply.
        var request = new CruxRequest(change.Operation, change.Method, CruxPaths.UserPermissions(core.Settings, user), body)
        {
            PermissionCount = uuids.Length,
            LeavesRetriesToCaller = true,
        };
        SuccessAnswer answer = await CruxSender.SendAsync(httpClient, core, request, SuccessAnswer.ReadAsync, cancellationToken).ConfigureAwait(false);
        return change.CreateResult(user, uuids, answer.StatusCode, answer.RequestId);
    }
}
