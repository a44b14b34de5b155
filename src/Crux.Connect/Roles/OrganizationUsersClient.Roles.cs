using System.Runtime.CompilerServices;
using Crux.Connect.Bulk;
using Crux.Connect.Internal;
using Crux.Connect.Internal.Json;
using Crux.Connect.Roles;

namespace Crux.Connect;

public partial class OrganizationUsersClient
{
    /// <summary>Why a set refuses no permissions: the one who asks for it means a removal, and should be told which call that is.</summary>
    private const string EmptySet =
        " A set of no permissions is a removal: to take every permission away, use RemovePermissionsAsync with the permissions the user holds.";

    /// <summary>
    /// Makes a user's permissions exactly the desired set ("roles change within an organization"): reads the user's
    /// permissions (<c>GET</c>), removes those not desired (one <c>DELETE</c> with a body, only if something must go), then adds
    /// the desired ones the user lacks (one <c>PATCH</c>, only if something must come). <b>Removal comes before addition</b>, so
    /// while the change is in flight the user never holds more than the old or the new set allows (least privilege).
    /// A user already in the desired state costs one GET and nothing else; running the same set twice changes nothing the second time.
    /// </summary>
    /// <param name="userUuid">The user.</param>
    /// <param name="permissionUuids">The permissions the user should hold, and no others. Duplicates count once. An empty set is refused:
    /// to take every permission away, use <see cref="RemovePermissionsAsync(Guid, IEnumerable{Guid}, CancellationToken)"/>.</param>
    /// <param name="cancellationToken">Cancels the call; raises <see cref="OperationCanceledException"/>. A call cancelled after its DELETE
    /// may have removed without adding; running it again completes it.</param>
    /// <returns>What was removed, added and already held, with the server's request id of each request sent.</returns>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/uuids/exception"/>
    /// <exception cref="CruxPermissionsNotAvailableException">A desired permission is one the user's organization cannot hold; only the GET was sent, nothing changed.</exception>
    /// <exception cref="CruxAmbiguousPermissionException">The change would take one uuid of a name away and give another uuid of the same name (a catalog listing the name twice), or a name is ambiguous; nothing changed.</exception>
    /// <exception cref="CruxPartialPermissionChangeException">The DELETE succeeded but the PATCH failed (the inner exception says how); run the call again to complete it.</exception>
    /// <exception cref="CruxApiException">The server answered with a failure status to the GET or the DELETE (nothing changed) or to the PATCH when nothing was removed.</exception>
    /// <exception cref="CruxInvalidResponseException">The user's permissions were not the documented JSON.</exception>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/transport/exception"/>
    [OverloadResolutionPriority(1)]
    public virtual Task<SetPermissionsResult> SetPermissionsAsync(
        Guid userUuid, IEnumerable<Guid> permissionUuids, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(userUuid);
        Guid[] desired = DistinctUuids.Create(permissionUuids, nameof(permissionUuids), EmptySet);
        return SetOneAsync(userUuid, desired, null, NewScope(), cancellationToken);
    }

    /// <summary>
    /// Makes a user's permissions exactly the named set (for example <see cref="CruxPermissionNames.ViewOrder"/>). The names are resolved
    /// to this environment's uuids through the client's cached catalog, as
    /// <see cref="RemovePermissionsAsync(Guid, IEnumerable{string}, CancellationToken)"/> does; then it is
    /// <see cref="SetPermissionsAsync(Guid, IEnumerable{Guid}, CancellationToken)"/>: read, remove what is not desired, then add what is missing.
    /// </summary>
    /// <param name="userUuid">The user.</param>
    /// <param name="permissionNames">The names of the permissions the user should hold, and no others, compared ordinally. Duplicates count once.</param>
    /// <param name="cancellationToken">Cancels the call; raises <see cref="OperationCanceledException"/>.</param>
    /// <returns>What was removed, added and already held, with the server's request id of each request sent.</returns>
    /// <exception cref="ArgumentException"><paramref name="userUuid"/> is <see cref="Guid.Empty"/>; <paramref name="permissionNames"/> is empty or holds
    /// a null or blank name; or a name is not in this environment's catalog. Nothing is changed.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="permissionNames"/> is <see langword="null"/>.</exception>
    /// <exception cref="CruxPermissionsNotAvailableException">A desired permission is one the user's organization cannot hold (named in the message and in
    /// <see cref="CruxPermissionsNotAvailableException.PermissionNames"/>); nothing changed.</exception>
    /// <exception cref="CruxAmbiguousPermissionException">The change would take one uuid of a name away and give another uuid of the same name (a catalog listing the name twice), or a name is ambiguous; nothing changed.</exception>
    /// <exception cref="CruxPartialPermissionChangeException">The DELETE succeeded but the PATCH failed; run the call again to complete it.</exception>
    /// <exception cref="CruxApiException">The server answered with a failure status (reading the catalog, reading the user, or a change).</exception>
    /// <exception cref="CruxInvalidResponseException">An answer was not the documented JSON.</exception>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/transport/exception"/>
    public virtual Task<SetPermissionsResult> SetPermissionsAsync(
        Guid userUuid, IEnumerable<string> permissionNames, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(userUuid);
        string[] names = PermissionNameList.Create(permissionNames, nameof(permissionNames), EmptySet);

        return SetByNameAsync(userUuid, names, cancellationToken);
    }

    /// <summary>
    /// Works out what <see cref="SetPermissionsAsync(Guid, IEnumerable{Guid}, CancellationToken)"/> would change for one user, and changes
    /// nothing: one GET. Print the plan (a table), save it (<see cref="PermissionChangePlan.ToJson"/>), and run it with
    /// <see cref="ApplyPermissionChangesAsync(PermissionChangePlan, CruxBulkOptions?, IProgress{CruxBulkProgress}?, CancellationToken)"/>.
    /// </summary>
    /// <param name="userUuid">The user.</param>
    /// <param name="permissionUuids">The permissions the user should hold, and no others. Duplicates count once.</param>
    /// <param name="cancellationToken">Cancels the call; raises <see cref="OperationCanceledException"/>.</param>
    /// <returns>A plan with one row.</returns>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/uuids/exception"/>
    /// <exception cref="CruxPermissionsNotAvailableException">A desired permission is one the user's organization cannot hold.</exception>
    /// <exception cref="CruxAmbiguousPermissionException">The change would take one uuid of a name away and give another uuid of the same name (a catalog listing the name twice), or a name is ambiguous; nothing changed.</exception>
    /// <exception cref="CruxApiException">The server answered with a failure status.</exception>
    /// <exception cref="CruxInvalidResponseException">The user's permissions were not the documented JSON.</exception>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/transport/exception"/>
    [OverloadResolutionPriority(1)]
    public virtual async Task<PermissionChangePlan> PlanPermissionChangesAsync(
        Guid userUuid, IEnumerable<Guid> permissionUuids, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(userUuid);
        Guid[] desired = DistinctUuids.Create(permissionUuids, nameof(permissionUuids), EmptySet);
        DateTimeOffset createdAt = RolesTime.GetUtcNow();
        UserPermissionPlan plan = await PlanOneAsync(userUuid, desired, null, NewScope(), cancellationToken).ConfigureAwait(false);
        return new PermissionChangePlan([plan], [], createdAt);
    }

    /// <summary>
    /// Works out what making one user's permissions exactly the named set would change, and changes nothing. Names are resolved as
    /// <see cref="SetPermissionsAsync(Guid, IEnumerable{string}, CancellationToken)"/> resolves them.
    /// </summary>
    /// <param name="userUuid">The user.</param>
    /// <param name="permissionNames">The names of the permissions the user should hold, and no others, compared ordinally.</param>
    /// <param name="cancellationToken">Cancels the call; raises <see cref="OperationCanceledException"/>.</param>
    /// <returns>A plan with one row.</returns>
    /// <exception cref="ArgumentException"><paramref name="userUuid"/> is <see cref="Guid.Empty"/>; <paramref name="permissionNames"/> is empty or holds
    /// a null or blank name; or a name is not in this environment's catalog.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="permissionNames"/> is <see langword="null"/>.</exception>
    /// <exception cref="CruxPermissionsNotAvailableException">A desired permission is one the user's organization cannot hold.</exception>
    /// <exception cref="CruxAmbiguousPermissionException">The change would take one uuid of a name away and give another uuid of the same name (a catalog listing the name twice), or a name is ambiguous; nothing changed.</exception>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/call/exception"/>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/read/exception"/>
    public virtual Task<PermissionChangePlan> PlanPermissionChangesAsync(
        Guid userUuid, IEnumerable<string> permissionNames, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(userUuid);
        string[] names = PermissionNameList.Create(permissionNames, nameof(permissionNames), EmptySet);

        return PlanByNameAsync(userUuid, names, cancellationToken);
    }

    /// <summary>
    /// Works out, for many users, what making each user's permissions exactly their desired set would change, and changes nothing: one GET
    /// per user, run like the bulk operations (bounded concurrency, a shared pause on 429, progress). A user who cannot be planned (not
    /// found, or a desired permission their organization cannot hold) is listed in <see cref="PermissionChangePlan.Failures"/>; the others
    /// are planned.
    /// </summary>
    /// <param name="desiredPermissionUuids">For each user, the permissions they should hold, and no others.</param>
    /// <param name="options">The concurrency and rate-limit settings; <see langword="null"/> for the defaults (4 at a time).</param>
    /// <param name="progress">Told after each user is read (and once at the start), in order; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops the planning; raises <see cref="CruxBulkCanceledException"/>.</param>
    /// <returns>The plan, one row per user in the map's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="desiredPermissionUuids"/> is <see langword="null"/>. Nothing is sent.</exception>
    /// <exception cref="ArgumentException">A user is <see cref="Guid.Empty"/>; a set is null, empty or holds <see cref="Guid.Empty"/> (the message names the user);
    /// or <paramref name="options"/> is out of range. Nothing is sent.</exception>
    /// <exception cref="CruxBulkCanceledException"><paramref name="cancellationToken"/> was cancelled before every user was read.</exception>
    public virtual Task<PermissionChangePlan> PlanPermissionChangesAsync(
        IReadOnlyDictionary<Guid, IEnumerable<Guid>> desiredPermissionUuids,
        CruxBulkOptions? options = null,
        IProgress<CruxBulkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(desiredPermissionUuids);
        var desired = new Dictionary<Guid, Guid[]>(desiredPermissionUuids.Count);
        foreach (KeyValuePair<Guid, IEnumerable<Guid>> entry in desiredPermissionUuids)
        {
            desired[CheckUser(entry.Key, nameof(desiredPermissionUuids))] = DesiredOf(entry.Key, entry.Value, nameof(desiredPermissionUuids));
        }

        CruxBulkOptions bulkOptions = BulkOptionsSnapshot.Create(options, nameof(options));
        return PlanManyAsync(desired, null, bulkOptions, progress, cancellationToken);
    }

    /// <summary>
    /// Works out, for many users, what making each user's permissions exactly their named set would change, and changes nothing. Every
    /// name is resolved once, before anything is read; then it is
    /// <see cref="PlanPermissionChangesAsync(IReadOnlyDictionary{Guid, IEnumerable{Guid}}, CruxBulkOptions?, IProgress{CruxBulkProgress}?, CancellationToken)"/>.
    /// </summary>
    /// <param name="desiredPermissionNames">For each user, the names of the permissions they should hold, and no others.</param>
    /// <param name="options">The concurrency and rate-limit settings; <see langword="null"/> for the defaults (4 at a time).</param>
    /// <param name="progress">Told after each user is read (and once at the start), in order; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops the planning; raises <see cref="CruxBulkCanceledException"/>.</param>
    /// <returns>The plan, one row per user in the map's order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="desiredPermissionNames"/> is <see langword="null"/>. Nothing is sent.</exception>
    /// <exception cref="ArgumentException">A user is <see cref="Guid.Empty"/>; a set is null, empty or holds a blank name (the message names the user) or a
    /// name this environment does not know; or <paramref name="options"/> is out of range. Nothing is sent.</exception>
    /// <include file="../Errors/ExceptionDocs.xml" path="docs/catalog/exception"/>
    /// <exception cref="CruxBulkCanceledException"><paramref name="cancellationToken"/> was cancelled before every user was read.</exception>
    public virtual async Task<PermissionChangePlan> PlanPermissionChangesAsync(
        IReadOnlyDictionary<Guid, IEnumerable<string>> desiredPermissionNames,
        CruxBulkOptions? options = null,
        IProgress<CruxBulkProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(desiredPermissionNames);
        var namesByUser = new Dictionary<Guid, string[]>(desiredPermissionNames.Count);
        var allNames = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (KeyValuePair<Guid, IEnumerable<string>> entry in desiredPermissionNames)
        {
            string[] names = NamesOf(CheckUser(entry.Key, nameof(desiredPermissionNames)), entry.Value, nameof(desiredPermissionNames));
            namesByUser[entry.Key] = names;
            allNames.AddRange(names.Where(seen.Add));
        }

        CruxBulkOptions bulkOptions = BulkOptionsSnapshot.Create(options, nameof(options));
        Guid[] resolved = allNames.Count == 0
            ? []
            : await ResolveForBulkAsync<UserPermissionPlan>([.. namesByUser.Keys], [.. allNames], nameof(desiredPermissionNames), cancellationToken).ConfigureAwait(false);
        var uuidOf = new Dictionary<string, Guid>(allNames.Count, StringComparer.Ordinal);
        for (int i = 0; i < allNames.Count; i++)
        {
            uuidOf[allNames[i]] = resolved[i];
        }

        var desired = namesByUser.ToDictionary(static e => e.Key, e => e.Value.Select(n => uuidOf[n]).ToArray());
        return await PlanManyAsync(desired, namesByUser, bulkOptions, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a plan: brings each planned user's permissions to their desired set, as <see cref="SetPermissionsAsync(Guid, IEnumerable{Guid}, CancellationToken)"/>
    /// does (removal before addition), a few users at a time with the bulk operations' guarantees: bounded concurrency, every 429 pauses every
    /// worker, progress after each user, one outcome per user, and cancellation that says which users are not done. Each user is read again
    /// first: a user whose permissions changed since the plan was made is still brought to the desired set, and the outcome says it
    /// <see cref="AppliedPermissionChange.Drifted"/>. A user whose PATCH failed for good after the DELETE succeeded gets a
    /// <see cref="CruxPartialPermissionChangeException"/>; applying the same plan again completes it. The plan's
    /// <see cref="PermissionChangePlan.Failures"/> are skipped.
    /// </summary>
    /// <param name="plan">The plan, from <see cref="PlanPermissionChangesAsync(IReadOnlyDictionary{Guid, IEnumerable{Guid}}, CruxBulkOptions?, IProgress{CruxBulkProgress}?, CancellationToken)"/>
    /// or <see cref="PermissionChangePlan.FromJson"/>.</param>
    /// <param name="options">The concurrency and rate-limit settings; <see langword="null"/> for the defaults (4 at a time).</param>
    /// <param name="progress">Told after each user is done (and once at the start), in order; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops the run: no new user is started, changes in flight are abandoned, and a
    /// <see cref="CruxBulkCanceledException"/> lists the users not done (running the plan again for them is safe).</param>
    /// <returns>One outcome per planned user, in the plan's order, and the figures of the run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The plan lists a user twice or a user with no desired permission, or <paramref name="options"/> is out of range. Nothing is sent.</exception>
    /// <exception cref="CruxBulkCanceledException"><paramref name="cancellationToken"/> was cancelled before every user was done.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0027:API with optional parameter(s) should have the most parameters amongst its public overloads", Justification = "Additive overload: the shorter one keeps its optional parameters for source compatibility; the longer one has none, so no call is ambiguous.")]
    public virtual Task<CruxBulkResult<AppliedPermissionChange>> ApplyPermissionChangesAsync(
        PermissionChangePlan plan,
        CruxBulkOptions? options = null,
        IProgress<CruxBulkProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        ApplyPermissionChangesAsync(plan, options, progress, userProgress: null, cancellationToken);

    /// <summary>
    /// Runs a plan as <see cref="ApplyPermissionChangesAsync(PermissionChangePlan, CruxBulkOptions?, IProgress{CruxBulkProgress}?, CancellationToken)"/>
    /// does, and also tells <paramref name="userProgress"/> each user's outcome as soon as the user is done (an audit log written as
    /// the run goes, a per-user display). Each outcome is reported once, before the <see cref="CruxBulkProgress"/> that counts it, from
    /// the thread that finished the user; reports never overlap. A handler that throws is not called again (nor is
    /// <paramref name="progress"/>) and its exception is kept in <see cref="CruxBulkResult{TResult}.ProgressException"/>; the run goes on.
    /// </summary>
    /// <param name="plan">The plan, from <see cref="PlanPermissionChangesAsync(IReadOnlyDictionary{Guid, IEnumerable{Guid}}, CruxBulkOptions?, IProgress{CruxBulkProgress}?, CancellationToken)"/>
    /// or <see cref="PermissionChangePlan.FromJson"/>.</param>
    /// <param name="options">The concurrency, rate-limit and stop settings; <see langword="null"/> for the defaults (4 at a time).</param>
    /// <param name="progress">Told after each user is done (and once at the start), in order; <see langword="null"/> for none.</param>
    /// <param name="userProgress">Told each finished user's outcome (succeeded with its result, or failed with its exception); users not
    /// started or abandoned are not reported here but in the <see cref="CruxBulkCanceledException"/>. <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops the run: no new user is started, changes in flight are abandoned, and a
    /// <see cref="CruxBulkCanceledException"/> lists the users not done (running the plan again for them is safe).</param>
    /// <returns>One outcome per planned user, in the plan's order, and the figures of the run.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The plan lists a user twice or a user with no desired permission, or <paramref name="options"/> is out of range. Nothing is sent.</exception>
    /// <exception cref="CruxBulkCanceledException"><paramref name="cancellationToken"/> was cancelled, or <see cref="CruxBulkOptions.StopToken"/> stopped the run, before every user was done.</exception>
    public virtual async Task<CruxBulkResult<AppliedPermissionChange>> ApplyPermissionChangesAsync(
        PermissionChangePlan plan,
        CruxBulkOptions? options,
        IProgress<CruxBulkProgress>? progress,
        IProgress<CruxBulkOutcome<AppliedPermissionChange>>? userProgress,
        CancellationToken cancellationToken)
    {
        Guard.NotNull(plan);
        var rows = new Dictionary<Guid, (UserPermissionPlan Row, Guid[] Desired, string[] Names)>(plan.Users.Count);
        var users = new Guid[plan.Users.Count];
        for (int i = 0; i < users.Length; i++)
        {
            UserPermissionPlan row = plan.Users[i] ?? throw new ArgumentException($"The plan's row {i} is null.", nameof(plan));
            Guid user = CheckUser(row.UserUuid, nameof(plan));
            if (rows.ContainsKey(user))
            {
                throw new ArgumentException($"The plan lists user {user:D} twice.", nameof(plan));
            }

            Guid[] desired = DesiredOf(user, row.Desired.Select(static p => p.Uuid), nameof(plan));
            rows.Add(user, (row, desired, row.Desired.Select(static p => p.Name).ToArray()));
            users[i] = user;
        }

        CruxBulkOptions bulkOptions = BulkOptionsSnapshot.Create(options, nameof(options));
        var runner = new BulkRunner<AppliedPermissionChange>(
            users,
            async (user, group, ct) =>
            {
                var (row, desired, names) = rows[user];

                // Each user's set in its own scope (its own Timeout, the run's group); a mock through its public method.
                SetPermissionsResult result = NewScope(group) is { } scope
                    ? await SetOneAsync(user, desired, names, scope, ct).ConfigureAwait(false)
                    : await SetPermissionsAsync(user, desired, ct).ConfigureAwait(false);
                return new AppliedPermissionChange(row, result, RolePlanner.Drifted(row, result));
            },
            RolesTime,
            bulkOptions,
            progress,
            userProgress);
        return await runner.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private TimeProvider RolesTime => _core?.TimeProvider ?? TimeProvider.System;

    private static Guid CheckUser(Guid userUuid, string paramName) =>
        userUuid != Guid.Empty ? userUuid : throw new ArgumentException("A user uuid is Guid.Empty.", paramName);

    private static Guid[] DesiredOf(Guid userUuid, IEnumerable<Guid>? uuids, string paramName) =>
        ForUser(userUuid, paramName, name => DistinctUuids.Create(uuids, name));

    private static string[] NamesOf(Guid userUuid, IEnumerable<string>? names, string paramName) =>
        ForUser(userUuid, paramName, name => PermissionNameList.Create(names, name));

    private static T ForUser<T>(Guid userUuid, string paramName, Func<string, T> validate)
    {
        try
        {
            return validate($"{paramName}[{userUuid:D}]");
        }
        catch (ArgumentException exception)
        {
            // Named after the caller's argument, with the user whose set is wrong in the message.
            throw new ArgumentException($"The desired permissions of user {userUuid:D} are not valid: {exception.Message}", paramName, exception);
        }
    }

    /// <summary>The catalog read, the GET, the DELETE and the PATCH in one scope: one Timeout.</summary>
    private async Task<SetPermissionsResult> SetByNameAsync(Guid userUuid, string[] names, CancellationToken cancellationToken)
    {
        CruxCallScope? scope = NewScope();
        Guid[] uuids = await ResolveCoreAsync(names, nameof(names), scope, cancellationToken).ConfigureAwait(false);
        return await SetOneAsync(userUuid, uuids, names, scope, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The catalog read and the GET in one scope: one Timeout.</summary>
    private async Task<PermissionChangePlan> PlanByNameAsync(Guid userUuid, string[] names, CancellationToken cancellationToken)
    {
        CruxCallScope? scope = NewScope();
        Guid[] uuids = await ResolveCoreAsync(names, nameof(names), scope, cancellationToken).ConfigureAwait(false);
        DateTimeOffset createdAt = RolesTime.GetUtcNow();
        UserPermissionPlan plan = await PlanOneAsync(userUuid, uuids, names, scope, cancellationToken).ConfigureAwait(false);
        return new PermissionChangePlan([plan], [], createdAt);
    }

    /// <summary>
    /// A user's set, its GET, DELETE and PATCH in <paramref name="scope"/> (one Timeout), and one at a time per user on this
    /// client (<see cref="UserLocks"/>): two sets of the same user never interleave their reads and changes, so the user ends
    /// with one of the two sets. Across processes nothing guards it (the API has no conditional write).
    /// </summary>
    private async Task<SetPermissionsResult> SetOneAsync(Guid userUuid, Guid[] desired, string[]? names, CruxCallScope? scope, CancellationToken cancellationToken)
    {
        if (scope is null)
        {
            return await SetWithPartialAsync(userUuid, desired, names, scope, cancellationToken).ConfigureAwait(false);
        }

        using (await scope.Core.UserLocks.EnterAsync(userUuid, scope, cancellationToken).ConfigureAwait(false))
        {
            return await SetWithPartialAsync(userUuid, desired, names, scope, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A user's set; a failure after the DELETE succeeded says what was removed (<see cref="CruxPartialPermissionChangeException"/>).</summary>
    private async Task<SetPermissionsResult> SetWithPartialAsync(Guid userUuid, Guid[] desired, string[]? names, CruxCallScope? scope, CancellationToken cancellationToken)
    {
        var attempt = new SetPermissionsAttempt(userUuid);
        try
        {
            return await SetCoreAsync(attempt, desired, names, scope, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (attempt.Removed.Count > 0 && exception is not OperationCanceledException)
        {
            throw attempt.Partial(exception);
        }
    }

    private async Task<SetPermissionsResult> SetCoreAsync(
        SetPermissionsAttempt attempt, Guid[] desired, string[]? names, CruxCallScope? scope, CancellationToken cancellationToken)
    {
        (IReadOnlyList<PermissionAssignment> current, string? readRequestId) =
            await ReadAssignmentsAsync(attempt.UserUuid, scope, cancellationToken).ConfigureAwait(false);
        UserPermissionPlan plan = RolePlanner.Plan(attempt.UserUuid, current, desired, names);
        if (plan.ToRemove.Count > 0)
        {
            // Removal first: in flight the user holds the old set, then what old and new share, then the new set; never both together.
            string? removeRequestId = await ChangeAsync(attempt.UserUuid, plan.ToRemove, remove: true, scope, cancellationToken).ConfigureAwait(false);
            attempt.RecordRemoved(plan.ToRemove, removeRequestId);
        }

        string? addRequestId = null;
        if (plan.ToAdd.Count > 0)
        {
            attempt.AddingNext(plan.ToAdd);
            addRequestId = await ChangeAsync(attempt.UserUuid, plan.ToAdd, remove: false, scope, cancellationToken).ConfigureAwait(false);
        }

        return attempt.Succeeded(plan, readRequestId, addRequestId);
    }

    private async Task<UserPermissionPlan> PlanOneAsync(Guid userUuid, Guid[] desired, string[]? names, CruxCallScope? scope, CancellationToken cancellationToken)
    {
        (IReadOnlyList<PermissionAssignment> current, _) = await ReadAssignmentsAsync(userUuid, scope, cancellationToken).ConfigureAwait(false);
        return RolePlanner.Plan(userUuid, current, desired, names);
    }

    private async Task<PermissionChangePlan> PlanManyAsync(
        Dictionary<Guid, Guid[]> desired, Dictionary<Guid, string[]>? names, CruxBulkOptions options, IProgress<CruxBulkProgress>? progress, CancellationToken cancellationToken)
    {
        DateTimeOffset createdAt = RolesTime.GetUtcNow();
        var runner = new BulkRunner<UserPermissionPlan>(
            [.. desired.Keys],
            (user, group, ct) => PlanOneAsync(user, desired[user], names?[user], NewScope(group), ct),
            RolesTime,
            options,
            progress);
        CruxBulkResult<UserPermissionPlan> result = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
        return new PermissionChangePlan(
            result.Outcomes.Where(static o => o.IsSuccess).Select(static o => o.Result!).ToArray(), result.Failures, createdAt);
    }

    /// <summary>
    /// The user's permissions and the read's request id. <see cref="GetPermissionsAsync"/> returns no request id, which
    /// the set's result reports, so a real client reads through the same sender (the same pipeline, retries and deadline)
    /// and a mock through its override.
    /// </summary>
    private async Task<(IReadOnlyList<PermissionAssignment> Assignments, string? RequestId)> ReadAssignmentsAsync(
        Guid userUuid, CruxCallScope? scope, CancellationToken cancellationToken)
    {
        if (_core is not { } core)
        {
            return (await GetPermissionsAsync(userUuid, cancellationToken).ConfigureAwait(false), null);
        }

        var request = new CruxRequest("GetPermissions", HttpMethod.Get, CruxPaths.UserPermissions(core.Settings, userUuid), null);
        AnsweredWithId<PermissionAssignment[]> answer = await CruxSender.SendAsync(
            _httpClient!,
            core,
            request,
            static async (response, request, settings, ct) => new AnsweredWithId<PermissionAssignment[]>(
                ResponseParsers.MapAssignments(
                    await ResponseParsers.ReadJsonAsync(response, CruxJsonContext.Default.UserPermissionsDto, request, settings, ct).ConfigureAwait(false),
                    response,
                    request,
                    settings),
                RequestIds.ForResult(response, request)),
            scope,
            cancellationToken).ConfigureAwait(false);
        return (answer.Value, answer.RequestId);
    }

    /// <summary>One DELETE or PATCH in the set's scope, or through the public virtual method for a mock (no scope), and its request id.</summary>
    private async Task<string?> ChangeAsync(Guid userUuid, IReadOnlyList<Permission> permissions, bool remove, CruxCallScope? scope, CancellationToken cancellationToken)
    {
        Guid[] uuids = RolePlanner.Uuids(permissions);
        if (scope is null)
        {
            return remove
                ? (await RemovePermissionsAsync(userUuid, uuids, cancellationToken).ConfigureAwait(false)).RequestId
                : (await AddPermissionsAsync(userUuid, uuids, cancellationToken).ConfigureAwait(false)).RequestId;
        }

        return remove
            ? (await RemoveCoreAsync(userUuid, uuids, scope, cancellationToken).ConfigureAwait(false)).RequestId
            : (await AddCoreAsync(userUuid, uuids, scope, cancellationToken).ConfigureAwait(false)).RequestId;
    }
}
