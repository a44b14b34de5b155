namespace Crux.Connect;

/// <summary>
/// The base of every failure the Crux.Connect SDK raises (argument validation aside, which raises
/// <see cref="ArgumentException"/>, and the caller's own cancellation, which raises
/// <see cref="OperationCanceledException"/>).
/// </summary>
public class CruxException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="CruxException"/> class.</summary>
    public CruxException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CruxException(string? message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxException"/> class with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The failure that caused this one.</param>
    public CruxException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
