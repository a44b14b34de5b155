using Crux.Connect.Internal;
using Microsoft.Extensions.Logging;

namespace Crux.Connect.Authentication;

/// <summary>Turns the one way of authenticating the options name into the sender's authorization hook.</summary>
internal static class CruxAuthentication
{
    public static CruxAuthorization CreateAuthorization(CruxClientOptions options)
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
            _ => new TokenProviderAuthorization(new CruxLoginTokenProvider(options.Credentials!)),
        };
    }

    /// <summary>
    /// Gives a login provider its way to the server, once the client's core exists: the login goes through a pipeline
    /// built from the same options (timeouts, retries of connect failures only) with no Authorization header.
    /// </summary>
    /// <param name="core">The client's core.</param>
    /// <param name="httpClients">Where the login gets its <see cref="HttpClient"/>: the caller's, or one from <c>IHttpClientFactory</c>.</param>
    /// <param name="loggerFactory">The client's logger factory, so the login is logged like every other call.</param>
    public static void Attach(CruxClientCore core, Func<HttpClient> httpClients, ILoggerFactory? loggerFactory)
    {
        if (core.Settings.Authorization is TokenProviderAuthorization { Provider: CruxLoginTokenProvider login })
        {
            CruxClientSettings loginSettings = core.Settings.WithAuthorization(new LoginRequestAuthorization(login.Credentials.Password));
            login.Attach(httpClients, new CruxClientCore(loginSettings, loggerFactory, core.TimeProvider));
        }
    }
}
