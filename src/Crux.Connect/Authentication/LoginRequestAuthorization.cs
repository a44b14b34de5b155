using Crux.Connect.Internal;

namespace Crux.Connect.Authentication;

/// <summary>
/// The authorization of the login request itself: no <c>Authorization</c> header (there is no token yet), and the
/// password as the secret to redact, so a server that echoes the request body never puts it into an exception.
/// </summary>
internal sealed class LoginRequestAuthorization : CruxAuthorization
{
    public LoginRequestAuthorization(string password)
    {
        CurrentToken = password;
    }

    public override bool CanRefresh => false;

    public override string? CurrentToken { get; }

    public override ValueTask<string> GetHeaderValueAsync(CancellationToken cancellationToken) => new(string.Empty);

    public override ValueTask InvalidateAsync(string rejectedHeaderValue, CancellationToken cancellationToken) => default;
}
