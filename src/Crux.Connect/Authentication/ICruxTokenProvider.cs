namespace Crux.Connect;

/// <summary>
/// Supplies the API token a <see cref="CruxClient"/> sends as <c>Authorization: Token &lt;token&gt;</c>, for tokens
/// that come from elsewhere (a vault, a secrets manager, your own login). Set it as
/// <see cref="CruxClientOptions.TokenProvider"/>, or register it in the container before <c>AddCruxConnect</c>.
/// The SDK's own implementations are the fixed token (<see cref="CruxFixedTokenProvider"/>, or
/// <see cref="CruxClientOptions.ApiToken"/>) and the login (<see cref="CruxClientOptions.Credentials"/>).
/// </summary>
/// <remarks>
/// Implementations must be thread-safe: <see cref="GetTokenAsync"/> is called before every attempt of every call,
/// often concurrently, so it should answer from a cache (a completed <see cref="ValueTask{TResult}"/>) almost always.
/// When the server answers 401, the SDK calls <see cref="InvalidateAsync"/> with the token it rejected and tries the
/// call once more with whatever <see cref="GetTokenAsync"/> answers next; a second 401 is final.
/// </remarks>
public interface ICruxTokenProvider
{
    /// <summary>Gets the token to send. It must be non-empty visible ASCII (no spaces, CR or LF).</summary>
    /// <param name="cancellationToken">Cancels the wait for a token.</param>
    /// <returns>The token, without the <c>Token </c> scheme.</returns>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Forgets a token the server rejected with 401, so that the next <see cref="GetTokenAsync"/> obtains a new one.</summary>
    /// <param name="rejectedToken">The token that was sent and rejected. Compare it with the cached one: several calls may report the same stale token.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the token is forgotten.</returns>
    ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken);
}
