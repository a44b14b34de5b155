using Crux.Connect.Internal;

namespace Crux.Connect.Authentication;

/// <summary>
/// The authorization of the login request itself: no <c>Authorization</c> header (there is no token yet), and the
/// password as the secret to redact, so a server that echoes the request body never puts it into an exception.
/// </summary>
internal sealed class LoginRequestAuthorization : CruxAuthorization
{
    private readonly string _password;

    public LoginRequestAuthorization(string password)
    {
        _password = password;
    }

    public override bool CanRefresh => false;

    public override string? SecretOf(string headerValue) => _password;

    public override ValueTask<string> GetHeaderValueAsync(CancellationToken cancellationToken) => new(string.Empty);

    public override ValueTask InvalidateAsync(string rejectedHeaderValue, CancellationToken cancellationToken) => default;
}
