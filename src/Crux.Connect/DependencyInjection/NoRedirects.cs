namespace Crux.Connect.DependencyInjection;

/// <summary>Switches automatic redirects off on the handlers .NET ships; the sender refuses any redirect that still gets through.</summary>
internal static class NoRedirects
{
    public static void Apply(HttpMessageHandler? handler)
    {
        try
        {
            Disable(handler);
        }
        catch (InvalidOperationException)
        {
            // A shared handler that has already sent requests cannot be changed; the sender still refuses any redirect.
        }
    }

    private static void Disable(HttpMessageHandler? handler)
    {
        switch (handler)
        {
#if NET
            case SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
#endif
            case HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
#if !NET
            // The netstandard2.0 build cannot name SocketsHttpHandler, which Microsoft.Extensions.Http 9+ makes the default
            // primary handler on modern runtimes; its property is set by name instead.
            case { } other when other.GetType().FullName == "System.Net.Http.SocketsHttpHandler":
                other.GetType().GetProperty(nameof(HttpClientHandler.AllowAutoRedirect))?.SetValue(other, false);
                break;
#endif
        }
    }
}
