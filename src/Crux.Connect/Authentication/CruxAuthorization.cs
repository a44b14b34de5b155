namespace Crux.Connect.Internal;

/// <summary>
/// Supplies the <c>Authorization</c> header value of each attempt. The fixed-token case answers
/// synchronously with a value prepared once; providers that can obtain a new token (a login, a vault)
/// say so through <see cref="CanRefresh"/>, and the sender asks them once per call after a 401.
/// </summary>
internal abstract class CruxAuthorization
{
    public const string TokenScheme = "Token ";

    /// <summary>Gets whether a 401 may be cured by <see cref="InvalidateAsync"/> and one more try.</summary>
    public abstract bool CanRefresh { get; }

    /// <summary>The secret a request with this header value sent (the token; for the login, the password), to redact it from what comes back.</summary>
    public virtual string? SecretOf(string headerValue) =>
        headerValue.StartsWith(TokenScheme, StringComparison.Ordinal) ? headerValue.Substring(TokenScheme.Length) : headerValue;

    /// <summary>What redacts the answers to a request that sent <paramref name="headerValue"/>: its secret (<see cref="SecretOf"/>).</summary>
    public virtual Diagnostics.SecretRedactor RedactorFor(string headerValue) => new(SecretOf(headerValue));

    public abstract ValueTask<string> GetHeaderValueAsync(CancellationToken cancellationToken);

    /// <summary>Forgets the header value the server rejected, so the next call obtains a new one.</summary>
    public abstract ValueTask InvalidateAsync(string rejectedHeaderValue, CancellationToken cancellationToken);
}
