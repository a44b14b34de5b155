namespace Crux.Connect.Internal;

/// <summary>
/// The attempt's deadline fired while the token source was working (a provider or a login that hangs). It stays an
/// <see cref="OperationCanceledException"/> on the attempt's token, so Polly's timeout strategy still reports its own
/// timeout (a <see cref="Polly.Timeout.TimeoutRejectedException"/> with this inside, which the caller gets as a
/// <see cref="CruxTimeoutException"/> as for any timeout); by its type the retry predicate knows not to start another
/// token acquisition, like any other failure of the token source (<see cref="FinalFailure"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Internal: only ever built around the attempt's cancellation.")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1064:Exceptions should be public", Justification = "Internal: a timeout's inner cause, never what a caller catches.")]
internal sealed class FinalCancellation : OperationCanceledException
{
    public FinalCancellation(OperationCanceledException canceled)
        : base(canceled.Message, canceled, canceled.CancellationToken)
    {
    }
}
