namespace Crux.Connect;

/// <summary>
/// No answer came from the server: the name did not resolve, the connection was refused or reset.
/// The <see cref="Exception.InnerException"/> is the <see cref="HttpRequestException"/>. Retried before this is raised.
/// </summary>
public class CruxConnectionException : CruxException
{
    /// <summary>Initializes a new instance of the <see cref="CruxConnectionException"/> class with a default message.</summary>
    public CruxConnectionException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxConnectionException"/> class with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public CruxConnectionException(string? message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="CruxConnectionException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The <see cref="HttpRequestException"/> that caused it.</param>
    public CruxConnectionException(string? message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
