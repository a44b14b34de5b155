using Microsoft.Extensions.DependencyInjection;

namespace Crux.Connect.DependencyInjection;

/// <summary>
/// Makes a client that is held for the application's lifetime (injected into a singleton such as a
/// <c>BackgroundService</c>) as safe as a short-lived one. <c>IHttpClientFactory</c> rotates handlers every two minutes
/// only for clients created after the rotation; a captured client keeps its handler, and with it every pooled connection,
/// forever, so DNS changes (a fail-over, a blue/green switch) would never be seen. A primary handler whose pooled
/// connections are themselves recycled after <see cref="PooledConnectionLifetime"/> re-resolves DNS whoever holds it.
/// </summary>
internal static class CruxHandlerLifetime
{
    /// <summary>How long a pooled connection is reused: the factory's own handler lifetime, so both paths see DNS changes equally soon.</summary>
    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    public static void Apply(IHttpClientBuilder builder)
    {
#if NET
        // A primary handler set later on the builder (a simulator's, a test's) replaces this one, as the caller meant.
        builder.ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { PooledConnectionLifetime = PooledConnectionLifetime });
#else
        // netstandard2.0 has no SocketsHttpHandler: on .NET Framework connection reuse is governed by ServicePointManager
        // (ConnectionLeaseTimeout), applications on .NET 8+ load the net8.0 or net10.0
        // build, which has it, and older .NET Core ones set their own handler.
        _ = builder;
#endif
    }
}
