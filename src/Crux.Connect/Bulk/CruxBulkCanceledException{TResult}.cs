namespace Crux.Connect;

/// <summary>
/// A bulk operation was cancelled; besides what <see cref="CruxBulkCanceledException"/> says, it carries the outcome of
/// every user that finished (succeeded with its result, or failed with its exception) before it stopped.
/// </summary>
/// <typeparam name="TResult">The result type of the single-user operation, e.g. <see cref="RemovePermissionsResult"/>.</typeparam>
public sealed class CruxBulkCanceledException<TResult> : CruxBulkCanceledException
    where TResult : class
{
    /// <summary>Initializes a new instance of the <see cref="CruxBulkCanceledException{TResult}"/> class.</summary>
    /// <param name="progress">Where the operation stood when it stopped.</param>
    /// <param name="completedOutcomes">The outcomes of the users that finished, in the order they were given.</param>
    /// <param name="pendingUserUuids">The users whose change was not finished.</param>
    /// <param name="cancellationToken">The token that was cancelled.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public CruxBulkCanceledException(
        CruxBulkProgress progress,
        IReadOnlyList<CruxBulkOutcome<TResult>> completedOutcomes,
        IReadOnlyList<Guid> pendingUserUuids,
        CancellationToken cancellationToken)
        : base(
            progress,
            Succeeded(completedOutcomes),
            Failed(completedOutcomes),
            pendingUserUuids,
            cancellationToken)
    {
        CompletedOutcomes = completedOutcomes;
    }

    /// <summary>Gets the outcomes of the users that finished before the operation stopped, in the order they were given.</summary>
    public IReadOnlyList<CruxBulkOutcome<TResult>> CompletedOutcomes { get; }

    private static Guid[] Succeeded(IReadOnlyList<CruxBulkOutcome<TResult>> outcomes) =>
        (outcomes ?? throw new ArgumentNullException(nameof(outcomes))).Where(static o => o.IsSuccess).Select(static o => o.UserUuid).ToArray();

    private static Dictionary<Guid, Exception> Failed(IReadOnlyList<CruxBulkOutcome<TResult>> outcomes) =>
        (outcomes ?? throw new ArgumentNullException(nameof(outcomes))).Where(static o => !o.IsSuccess).ToDictionary(static o => o.UserUuid, static o => o.Exception!);
}
