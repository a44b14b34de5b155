namespace Crux.Connect;

/// <summary>
/// Supplies the API token a <see cref="CruxClient"/> sends as <c>Authorization: Token &lt;token&gt;</c>, for tokens
/// that come from elsewhere (a vault, a secrets manager, your own login). Set it as
/// <see cref="CruxClientOptions.TokenProvider"/>, or register it in the container as a singleton, before or after
/// <c>AddCruxConnect</c> (it is resolved when the client's options are built, not when it is registered).
/// The SDK's own implementations are the fixed token (<see cref="CruxFixedTokenProvider"/>, or
/// <see cref="CruxClientOptions.ApiToken"/>) and the login (<see cref="CruxClientOptions.Credentials"/>).
/// </summary>
/// <remarks>
/// Implementations must be thread-safe: <see cref="GetTokenAsync"/> is called before every attempt of every call,
/// often concurrently, so it should answer from a cache (a completed <see cref="ValueTask{TResult}"/>) almost always.
/// When the server answers 401, the SDK calls <see cref="InvalidateAsync"/> with the token it rejected and tries the
/// call once more with whatever <see cref="GetTokenAsync"/> answers next; a second 401 is final.
/// <para>
/// Why an interface, and one that stays as it is after 1.0 (on netstandard2.0 an interface can never gain a member): the
/// contract is complete with these two methods, and an abstract base would not help, since the SDK would still have to
/// accept every implementation written against this interface. A capability added later comes as a separate, optional
/// interface that the SDK looks for on the provider (as .NET added <see cref="IAsyncDisposable"/> beside
/// <see cref="IDisposable"/>), so existing providers keep compiling and working unchanged.
/// </para>
/// </remarks>
public interface ICruxTokenProvider
{
    /// <summary>Gets the token to send. It must be non-empty visible ASCII (no spaces, CR or LF).</summary>
    /// <param name="cancellationToken">Cancels the wait for a token.</param>
    /// <returns>The token, without the <c>Token </c> scheme.</returns>
    ValueTask<string> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Forgets a token the server rejected with 401, so that the next <see cref="GetTokenAsync"/> obtains a new one.</summary>
    /// <param name="rejectedToken">
    /// The token that was sent and rejected: a string <em>equal</em> to the one <see cref="GetTokenAsync"/> returned, not the
    /// same object (it is read back from the request), so compare by value (<see cref="string.Equals(string, string, StringComparison)"/>
    /// with <see cref="StringComparison.Ordinal"/>), never with <see cref="object.ReferenceEquals"/>. Forget the cached token only
    /// if it is this one: several calls may report the same stale token after it was already renewed.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the token is forgotten.</returns>
    ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken);
}
