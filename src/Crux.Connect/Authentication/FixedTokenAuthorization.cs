namespace Crux.Connect.Internal;

/// <summary>The <see cref="CruxClientOptions.ApiToken"/> case: one header value, prepared once, never refreshed.</summary>
internal sealed class FixedTokenAuthorization : CruxAuthorization
{
    private readonly string _headerValue;

    public FixedTokenAuthorization(string token)
    {
        _headerValue = TokenScheme + token;
    }

    public override bool CanRefresh => false;

    public override ValueTask<string> GetHeaderValueAsync(CancellationToken cancellationToken) => new(_headerValue);

    public override ValueTask InvalidateAsync(string rejectedHeaderValue, CancellationToken cancellationToken) => default;
}
