namespace Crux.Connect;

/// <summary>What happened to one user in a bulk operation: the result, or the exception that ended its change.</summary>
/// <typeparam name="TResult">The result type of the single-user operation, e.g. <see cref="RemovePermissionsResult"/>.</typeparam>
public sealed class CruxBulkOutcome<TResult>
    where TResult : class
{
    /// <summary>Initializes a new instance of the <see cref="CruxBulkOutcome{TResult}"/> class (for tests and mocks).</summary>
    /// <param name="userUuid">The user.</param>
    /// <param name="result">The result, when the change succeeded; otherwise <see langword="null"/>.</param>
    /// <param name="exception">The failure, when it failed; otherwise <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">Both or neither of <paramref name="result"/> and <paramref name="exception"/> are set.</exception>
    public CruxBulkOutcome(Guid userUuid, TResult? result, Exception? exception)
    {
        if ((result is null) == (exception is null))
        {
            throw new ArgumentException("Exactly one of result and exception must be set.", result is null ? nameof(exception) : nameof(result));
        }

        UserUuid = userUuid;
        Result = result;
        Exception = exception;
    }

    /// <summary>Gets the user.</summary>
    public Guid UserUuid { get; }

    /// <summary>Gets the result, or <see langword="null"/> when the change failed.</summary>
    public TResult? Result { get; }

    /// <summary>
    /// Gets the failure, or <see langword="null"/> when the change succeeded: usually a <see cref="CruxException"/> subclass
    /// (for example <see cref="CruxNotFoundException"/> for an unknown user), after the retries it deserved.
    /// </summary>
    public Exception? Exception { get; }

    /// <summary>Gets a value indicating whether the change succeeded.</summary>
    public bool IsSuccess => Exception is null;

    /// <summary>Gets the user's state: <see cref="CruxBulkUserState.Succeeded"/> or <see cref="CruxBulkUserState.Failed"/> (an outcome exists
    /// only for a user whose change ended; the users not started or abandoned are listed by <see cref="CruxBulkCanceledException"/>).</summary>
    public CruxBulkUserState State => IsSuccess ? CruxBulkUserState.Succeeded : CruxBulkUserState.Failed;

    /// <inheritdoc />
    public override string ToString() =>
        IsSuccess ? $"{UserUuid:D}: ok" : $"{UserUuid:D}: {Exception!.GetType().Name}: {Exception.Message}";
}
