using Crux.Connect.Internal;

namespace Crux.Connect;

/// <summary>
/// A bulk operation was cancelled by the caller's token, or stopped by <see cref="CruxBulkOptions.StopToken"/> before every user
/// was started (then <see cref="StopRequested"/> is <see langword="true"/>, the users in flight finished and
/// <see cref="AbandonedUserUuids"/> is empty). As everywhere in .NET, cancellation raises an
/// <see cref="OperationCanceledException"/>; this one also says what was done. No new user is started once the token is
/// cancelled, and the changes in flight are abandoned: their users are in <see cref="PendingUserUuids"/>, with the ones
/// never started. Running the operation again for those is safe (adding or removing a permission twice is not an error).
/// Every user is accounted for exactly once: in <see cref="SucceededUserUuids"/>, in <see cref="FailedUsers"/> (with the
/// exception that ended its change) or in <see cref="PendingUserUuids"/>; <see cref="GetCompletedOutcomes{TResult}"/> gives
/// the finished users' outcomes with their results. The pending ones are split, typed, into <see cref="NotStartedUserUuids"/> and
/// <see cref="AbandonedUserUuids"/>; <see cref="GetUserState"/> answers for any user of the run.
/// </summary>
public sealed class CruxBulkCanceledException : OperationCanceledException
{
    private static readonly IReadOnlyDictionary<Guid, Exception> NoFailures = new Dictionary<Guid, Exception>(0);
    private object? _completedOutcomes;
    private IReadOnlyList<Guid>? _notStarted;
    private IReadOnlyList<Guid> _abandoned = [];

    /// <summary>Initializes a new instance of the <see cref="CruxBulkCanceledException"/> class with a default message.</summary>
    /// <remarks>The standard constructors describe no run: <see cref="Progress"/> counts no user and every list is empty.</remarks>
    public CruxBulkCanceledException()
        : this(null, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxBulkCanceledException"/> class with a message.</summary>
    /// <param name="message">The message; <see langword="null"/> for a default one.</param>
    /// <remarks>The standard constructors describe no run: <see cref="Progress"/> counts no user and every list is empty.</remarks>
    public CruxBulkCanceledException(string? message)
        : this(message, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxBulkCanceledException"/> class with a message and a cause.</summary>
    /// <param name="message">The message; <see langword="null"/> for a default one.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    /// <remarks>The standard constructors describe no run: <see cref="Progress"/> counts no user and every list is empty.</remarks>
    public CruxBulkCanceledException(string? message, Exception? innerException)
        : base(message ?? "The bulk operation was cancelled.", innerException)
    {
        Progress = new CruxBulkProgress(0, 0, 0, 0);
        SucceededUserUuids = [];
        FailedUsers = NoFailures;
        PendingUserUuids = [];
    }

    /// <summary>Initializes a new instance of the <see cref="CruxBulkCanceledException"/> class.</summary>
    /// <param name="progress">Where the operation stood when it stopped.</param>
    /// <param name="pendingUserUuids">The users whose change was not finished.</param>
    /// <param name="cancellationToken">The token that was cancelled.</param>
    /// <exception cref="ArgumentNullException"><paramref name="progress"/> or <paramref name="pendingUserUuids"/> is <see langword="null"/>.</exception>
    public CruxBulkCanceledException(CruxBulkProgress progress, IReadOnlyList<Guid> pendingUserUuids, CancellationToken cancellationToken)
        : this(progress, [], NoFailures, pendingUserUuids, cancellationToken)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxBulkCanceledException"/> class, accounting for every user.</summary>
    /// <param name="progress">Where the operation stood when it stopped.</param>
    /// <param name="succeededUserUuids">The users whose change succeeded.</param>
    /// <param name="failedUsers">The users whose change failed, with the exception that ended it.</param>
    /// <param name="pendingUserUuids">The users whose change was not finished.</param>
    /// <param name="cancellationToken">The token that was cancelled.</param>
    /// <exception cref="ArgumentNullException">A list or <paramref name="progress"/> is <see langword="null"/>.</exception>
    public CruxBulkCanceledException(
        CruxBulkProgress progress,
        IReadOnlyList<Guid> succeededUserUuids,
        IReadOnlyDictionary<Guid, Exception> failedUsers,
        IReadOnlyList<Guid> pendingUserUuids,
        CancellationToken cancellationToken)
        : base(Describe(progress, pendingUserUuids), cancellationToken)
    {
        Progress = progress;
        Guard.NotNull(succeededUserUuids);
        Guard.NotNull(failedUsers);
        SucceededUserUuids = succeededUserUuids;
        FailedUsers = failedUsers;
        PendingUserUuids = pendingUserUuids;
    }

    /// <summary>Initializes a new instance of the <see cref="CruxBulkCanceledException"/> class with the finished users' outcomes.</summary>
    /// <typeparam name="TResult">The result type of the single-user operation, e.g. <see cref="RemovePermissionsResult"/>.</typeparam>
    /// <param name="progress">Where the operation stood when it stopped.</param>
    /// <param name="completedOutcomes">The outcomes of the users that finished, in the order they were given.</param>
    /// <param name="pendingUserUuids">The users whose change was not finished.</param>
    /// <param name="cancellationToken">The token that was cancelled.</param>
    /// <returns>The exception.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static CruxBulkCanceledException Create<TResult>(
        CruxBulkProgress progress,
        IReadOnlyList<CruxBulkOutcome<TResult>> completedOutcomes,
        IReadOnlyList<Guid> pendingUserUuids,
        CancellationToken cancellationToken)
        where TResult : class
    {
        Guard.NotNull(completedOutcomes);

        return new CruxBulkCanceledException(
            progress,
            completedOutcomes.Where(static o => o.IsSuccess).Select(static o => o.UserUuid).ToArray(),
            completedOutcomes.Where(static o => !o.IsSuccess).ToDictionary(static o => o.UserUuid, static o => o.Exception!),
            pendingUserUuids,
            cancellationToken)
        {
            _completedOutcomes = completedOutcomes,
        };
    }

    /// <summary>Gets the outcomes of the users that finished before the operation stopped (succeeded with its result, or failed with its exception).</summary>
    /// <typeparam name="TResult">The result type of the operation that was cancelled, e.g. <see cref="RemovePermissionsResult"/>.</typeparam>
    /// <returns>The outcomes in the order the users were given; empty if the exception was built without them or for another result type.</returns>
    public IReadOnlyList<CruxBulkOutcome<TResult>> GetCompletedOutcomes<TResult>()
        where TResult : class =>
        _completedOutcomes as IReadOnlyList<CruxBulkOutcome<TResult>> ?? [];

    /// <summary>Gets the users whose change succeeded before the operation stopped, in the order they were given.</summary>
    public IReadOnlyList<Guid> SucceededUserUuids { get; }

    /// <summary>Gets the users whose change failed before the operation stopped, with the exception that ended each change.</summary>
    public IReadOnlyDictionary<Guid, Exception> FailedUsers { get; }

    /// <summary>Gets where the operation stood when it stopped.</summary>
    public CruxBulkProgress Progress { get; }

    /// <summary>Gets the users whose change was never started (the stop or the cancellation came first), in the order they were given.</summary>
    /// <remarks>From the public constructors, which take one pending list, every pending user counts as not started.</remarks>
    public IReadOnlyList<Guid> NotStartedUserUuids => _notStarted ?? PendingUserUuids;

    /// <summary>Gets the users whose change was in flight when the cancellation token abandoned it (it may or may not have
    /// reached the server; running it again is safe), in the order they were given. Empty after a stop.</summary>
    public IReadOnlyList<Guid> AbandonedUserUuids => _abandoned;

    /// <summary>Gets a value indicating whether the run ended because <see cref="CruxBulkOptions.StopToken"/> was cancelled
    /// (the users in flight finished), rather than the cancellation token (the users in flight were abandoned).</summary>
    public bool StopRequested { get; private set; }

    /// <summary>Gets what happened to one user of the run.</summary>
    /// <param name="userUuid">A user of the run.</param>
    /// <returns>Its state: succeeded, failed, not started or abandoned in flight.</returns>
    /// <exception cref="ArgumentException"><paramref name="userUuid"/> is not a user of this run.</exception>
    public CruxBulkUserState GetUserState(Guid userUuid)
    {
        if (FailedUsers.ContainsKey(userUuid))
        {
            return CruxBulkUserState.Failed;
        }

        if (SucceededUserUuids.Contains(userUuid))
        {
            return CruxBulkUserState.Succeeded;
        }

        if (_abandoned.Contains(userUuid))
        {
            return CruxBulkUserState.Abandoned;
        }

        return NotStartedUserUuids.Contains(userUuid)
            ? CruxBulkUserState.NotStarted
            : throw new ArgumentException($"User {userUuid:D} is not a user of this run.", nameof(userUuid));
    }

    /// <summary>The runner's exception: the finished outcomes, and the users not done, typed as not started or abandoned.</summary>
    internal static CruxBulkCanceledException Create<TResult>(
        CruxBulkProgress progress,
        IReadOnlyList<CruxBulkOutcome<TResult>> completedOutcomes,
        IReadOnlyList<Guid> pendingUserUuids,
        IReadOnlyList<Guid> notStarted,
        IReadOnlyList<Guid> abandoned,
        bool stopRequested,
        CancellationToken cancellationToken)
        where TResult : class
    {
        CruxBulkCanceledException exception = Create(progress, completedOutcomes, pendingUserUuids, cancellationToken);
        exception._notStarted = notStarted;
        exception._abandoned = abandoned;
        exception.StopRequested = stopRequested;
        return exception;
    }

    /// <summary>Gets the users whose change was not finished (never started, or abandoned in flight), in the order they were given.</summary>
    public IReadOnlyList<Guid> PendingUserUuids { get; }

    private static string Describe(CruxBulkProgress? progress, IReadOnlyList<Guid>? pendingUserUuids)
    {
        Guard.NotNull(progress);
        Guard.NotNull(pendingUserUuids);

        return $"The bulk operation was cancelled: {progress}; {pendingUserUuids.Count} users not finished.";
    }
}
