using Crux.Connect.Diagnostics;

namespace Crux.Connect.Internal;

/// <summary>The <see cref="CruxClientOptions.ApiToken"/> case: one header value, prepared once, never refreshed.</summary>
internal sealed class FixedTokenAuthorization : CruxAuthorization
{
    private readonly string _headerValue;

    /// <summary>The one token's redactor, built once: every attempt sends the same secret (benchmarks/README.md, "Why the code does X").</summary>
    private readonly SecretRedactor _redactor;

    public FixedTokenAuthorization(string token)
    {
        _headerValue = TokenScheme + token;
        _redactor = new SecretRedactor(token);
    }

    public override bool CanRefresh => false;

    public override SecretRedactor RedactorFor(string headerValue) =>
        ReferenceEquals(headerValue, _headerValue) ? _redactor : base.RedactorFor(headerValue);

    public override ValueTask<string> GetHeaderValueAsync(CancellationToken cancellationToken) => new(_headerValue);

    public override ValueTask InvalidateAsync(string rejectedHeaderValue, CancellationToken cancellationToken) => default;
}
