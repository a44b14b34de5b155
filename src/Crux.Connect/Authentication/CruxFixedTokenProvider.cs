using Crux.Connect.Internal;

namespace Crux.Connect;

/// <summary>
/// An <see cref="ICruxTokenProvider"/> that always answers the same token: the behaviour of
/// <see cref="CruxClientOptions.ApiToken"/>, as an object (to register in a container, or to hand to code that takes a provider).
/// A 401 is final with it: there is no other token to try.
/// </summary>
public sealed class CruxFixedTokenProvider : ICruxTokenProvider
{
    /// <summary>Initializes a new instance of the <see cref="CruxFixedTokenProvider"/> class.</summary>
    /// <param name="token">The API token. It is never written to logs, exceptions or <see cref="ToString"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="token"/> is empty or holds characters not allowed in an HTTP header.</exception>
    public CruxFixedTokenProvider(string token)
    {
        Guard.NotNull(token);
        if (token.Length == 0 || !CruxOptionsValidation.IsValidToken(token))
        {
            // The token itself is never part of the message.
            throw new ArgumentException("The token must be non-empty visible ASCII (no spaces, CR or LF).", nameof(token));
        }

        Token = token;
    }

    internal string Token { get; }

    /// <inheritdoc />
    public ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) => new(Token);

    /// <inheritdoc />
    /// <remarks>Does nothing: a fixed token cannot be replaced.</remarks>
    public ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken) => default;

    /// <summary>Describes the provider without its token.</summary>
    /// <returns><c>CruxFixedTokenProvider(***)</c>.</returns>
    public override string ToString() => "CruxFixedTokenProvider(***)";
}
