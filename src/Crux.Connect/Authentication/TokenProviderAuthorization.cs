using Crux.Connect.Internal;

namespace Crux.Connect.Authentication;

/// <summary>
/// Adapts an <see cref="ICruxTokenProvider"/> (a login, a vault) to the sender's authorization hook. The header value
/// is built once per token and reused by every attempt that sends that token.
/// </summary>
internal sealed class TokenProviderAuthorization : CruxAuthorization
{
    private HeaderValue? _last;

    public TokenProviderAuthorization(ICruxTokenProvider provider)
    {
        Provider = provider;
    }

    public ICruxTokenProvider Provider { get; }

    public override bool CanRefresh => true;

    public override ValueTask<string> GetHeaderValueAsync(CancellationToken cancellationToken)
    {
        ValueTask<string> pending = Provider.GetTokenAsync(cancellationToken);
        return pending.IsCompletedSuccessfully ? new ValueTask<string>(ToHeader(pending.Result)) : AwaitAsync(pending);
    }

    public override ValueTask InvalidateAsync(string rejectedHeaderValue, CancellationToken cancellationToken)
    {
        string token = rejectedHeaderValue.StartsWith(TokenScheme, StringComparison.Ordinal)
            ? rejectedHeaderValue.Substring(TokenScheme.Length)
            : rejectedHeaderValue;
        return Provider.InvalidateAsync(token, cancellationToken);
    }

    private async ValueTask<string> AwaitAsync(ValueTask<string> pending) => ToHeader(await pending.ConfigureAwait(false));

    private string ToHeader(string? token)
    {
        HeaderValue? last = Volatile.Read(ref _last);
        if (last is not null && string.Equals(last.Token, token, StringComparison.Ordinal))
        {
            return last.Header;
        }

        if (string.IsNullOrEmpty(token) || !CruxOptionsValidation.IsValidToken(token!))
        {
            // Never echo the value: it may be a secret that is merely malformed.
            throw new CruxException(
                $"The token provider {Provider.GetType().Name} returned {(string.IsNullOrEmpty(token) ? "an empty token" : "a token with characters that are not allowed in an HTTP header")}.");
        }

        var fresh = new HeaderValue(token!, TokenScheme + token);
        Volatile.Write(ref _last, fresh);
        return fresh.Header;
    }

    private sealed class HeaderValue
    {
        public HeaderValue(string token, string header)
        {
            Token = token;
            Header = header;
        }

        public string Token { get; }

        public string Header { get; }
    }
}
