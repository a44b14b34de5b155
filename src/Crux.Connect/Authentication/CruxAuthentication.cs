using Crux.Connect.Internal;

namespace Crux.Connect.Authentication;

/// <summary>Turns the one way of authenticating the options name into the sender's authorization hook.</summary>
internal static class CruxAuthentication
{
    /// <summary>The authorization of the one way of authenticating the options name.</summary>
    /// <param name="options">The validated options.</param>
    /// <param name="login">Builds the login provider of <see cref="CruxClientOptions.Credentials"/>, complete with its way to the server.</param>
    public static CruxAuthorization CreateAuthorization(CruxClientOptions options, Func<CruxCredentials, CruxLoginTokenProvider> login)
    {
        if (!string.IsNullOrEmpty(options.ApiToken))
        {
            return new FixedTokenAuthorization(options.ApiToken!);
        }

        return options.TokenProvider switch
        {
            // A fixed token cannot be renewed after a 401, so it needs none of a provider's renewal.
            CruxFixedTokenProvider fixedToken => new FixedTokenAuthorization(fixedToken.Token),
            { } provider => new TokenProviderAuthorization(provider),
            _ => new TokenProviderAuthorization(login(options.Credentials!)),
        };
    }
}
