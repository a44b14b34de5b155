namespace Crux.Connect;

/// <summary>
/// The SDK's own time limit ran out: <see cref="CruxClientOptions.Timeout"/> for the whole call, or
/// <see cref="CruxClientOptions.AttemptTimeout"/> on the last attempt. The caller's own
/// <see cref="CancellationToken"/> raises <see cref="OperationCanceledException"/> instead.
/// </summary>
public class CruxTimeoutException : CruxException
{
    /// <summary>Initializes a new instance of the <see cref="CruxTimeoutException"/> class with a default message.</summary>
    public CruxTimeoutException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxTimeoutException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CruxTimeoutException(string? message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxTimeoutException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one, if any.</param>
    public CruxTimeoutException(string? message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
