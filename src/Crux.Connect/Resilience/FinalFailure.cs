namespace Crux.Connect.Internal;

/// <summary>
/// A failure that ends the call as it is, whatever it is: the token source's (a token provider's, a login's, or
/// <c>InvalidateAsync</c>'s) failure, which the operation's pipeline never retries (a login retried what it could
/// inside itself; a provider's failure is its own). The attempt hands it to the pipeline in this wrapper so that the
/// one transient predicate (<see cref="TransientFailures"/>) can tell it by its type from the same failure of the
/// operation's own request (a login's 503 is a <see cref="CruxServerException"/> too); <see cref="CruxSender"/> unwraps
/// it, so the caller catches exactly what the token source raised (after the attempt's usual translation).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Internal: only ever built around a failure, never thrown to a caller.")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1064:Exceptions should be public", Justification = "Internal: the sender unwraps it before the caller sees anything.")]
internal sealed class FinalFailure : Exception
{
    public FinalFailure(Exception failure)
        : base(failure.Message, failure)
    {
        Failure = failure;
    }

    /// <summary>Gets what the caller sees.</summary>
    public Exception Failure { get; }
}
