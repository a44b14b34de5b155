namespace Crux.Connect.DependencyInjection;

/// <summary>
/// Switches automatic redirects off on the socket handler, wherever it stands: the primary handler itself, or the inner
/// handler of the <see cref="DelegatingHandler"/>s an application wraps around it. The sender refuses any redirect that
/// still gets through; a handler the SDK cannot see into is refused outright when the client sends a password.
/// </summary>
internal static class NoRedirects
{
    public static void Apply(HttpMessageHandler? primary, Func<bool> usesCredentials, string clientName)
    {
        HttpMessageHandler? handler = primary;
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler;
        }

        bool found;
        try
        {
            found = Disable(handler);
        }
        catch (InvalidOperationException)
        {
            // A shared handler that has already sent requests cannot be changed; the sender still refuses any redirect.
            found = true;
        }

        if (!found && usesCredentials())
        {
            throw new InvalidOperationException(
                $"The HttpClient '{clientName}' of AddCruxConnect has a primary handler ({Describe(primary)}) in which the SDK cannot find a " +
                "SocketsHttpHandler or HttpClientHandler to switch automatic redirects off, and the client logs in with Credentials: a followed " +
                "redirect could carry the password elsewhere. Set AllowAutoRedirect = false on the socket handler yourself and make it reachable " +
                "(return it, or a DelegatingHandler whose InnerHandler chain ends in it, from ConfigurePrimaryHttpMessageHandler), " +
                "or use ApiToken or a TokenProvider instead of Credentials.");
        }
    }

    private static string Describe(HttpMessageHandler? handler) => handler?.GetType().FullName ?? "none";

    /// <summary>Whether the handler is one whose redirects the SDK knows how to switch off (and did).</summary>
    private static bool Disable(HttpMessageHandler? handler)
    {
        switch (handler)
        {
#if NET
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                return true;
#endif
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                return true;
#if !NET
            // The netstandard2.0 build cannot name SocketsHttpHandler, which Microsoft.Extensions.Http 9+ makes the default
            // primary handler on modern runtimes; its property is set by name instead.
            case { } other when other.GetType().FullName == "System.Net.Http.SocketsHttpHandler":
                other.GetType().GetProperty(nameof(HttpClientHandler.AllowAutoRedirect))?.SetValue(other, false);
                return true;
#endif
            // Handlers that answer in memory and never follow a redirect: the SDK's own simulator, and test doubles that say so.
            case INeverRedirects:
            case { } simulator when simulator.GetType().Assembly.GetName().Name == "Crux.Connect.Testing":
                return true;
            default:
                return false;
        }
    }
}

/// <summary>Marks an in-memory handler that never follows a redirect (a test double), so it may stand where the socket handler would.</summary>
internal interface INeverRedirects
{
}
