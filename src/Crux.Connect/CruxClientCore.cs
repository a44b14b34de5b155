using Crux.Connect.Authentication;
using Crux.Connect.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Crux.Connect.Internal;

/// <summary>
/// Everything a client needs that is built once from its options and shared by every call (and, under
/// dependency injection, by every short-lived typed client): the immutable settings snapshot, and the parts that have
/// state, each built here in one step: the token source, the permission catalog, the resilience pipeline, time and
/// logging.
/// </summary>
internal sealed class CruxClientCore
{
    private CruxClientCore(
        CruxClientSettings settings, CruxAuthorization authorization, ILoggerFactory? loggerFactory, TimeProvider timeProvider, string? clientName, CruxMetrics? metrics)
    {
        Settings = settings;
        Authorization = authorization;
        TimeProvider = timeProvider;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(CruxTelemetry.Name);
        Diagnostics = new CruxClientDiagnostics(Logger, settings, TimeProvider, clientName, metrics);
        Pipeline = CruxResilience.Create(settings, TimeProvider);
        PermissionCatalog = new PermissionCatalogCache(settings.PermissionCatalogLifetime);
    }

    public CruxClientSettings Settings { get; }

    /// <summary>Gets where each attempt's <c>Authorization</c> value comes from.</summary>
    public CruxAuthorization Authorization { get; }

    /// <summary>Gets the cached name → uuid catalog of the by-name overloads, shared by every call of the client.</summary>
    public PermissionCatalogCache PermissionCatalog { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    /// <summary>Gets the logger and the fixed tag values of this client's logs, traces and metrics.</summary>
    public CruxClientDiagnostics Diagnostics { get; }

    public ResiliencePipeline Pipeline { get; }

    /// <summary>Gets the per-user locks that serialize this client's sets of the same user.</summary>
    public UserLocks UserLocks { get; } = new();

    /// <summary>Validates <paramref name="options"/> (naming <paramref name="paramName"/>) and builds a client's core.</summary>
    /// <param name="options">The caller's options; a snapshot is taken.</param>
    /// <param name="paramName">The caller's name for <paramref name="options"/>, for the exception.</param>
    /// <param name="httpClients">Where a login gets its <see cref="HttpClient"/>: the caller's, or one from <c>IHttpClientFactory</c>.</param>
    /// <param name="loggerFactory">Where the client logs; <see langword="null"/> for nowhere.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system's.</param>
    /// <param name="clientName">The name of a named registration, for telemetry; <see langword="null"/> for the unnamed client.</param>
    /// <param name="metrics">The instruments to report to (under DI, from <c>IMeterFactory</c>); <see langword="null"/> for the shared static meter.</param>
    public static CruxClientCore Create(
        CruxClientOptions options,
        string paramName,
        Func<HttpClient> httpClients,
        ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider,
        string? clientName = null,
        CruxMetrics? metrics = null)
    {
        CruxClientSettings settings = CruxClientSettings.Create(options, paramName);
        TimeProvider time = timeProvider ?? TimeProvider.System;

        // A login goes through its own core: the same settings (timeouts, retries of connect failures only), logged
        // like every other call, and no Authorization header.
        CruxAuthorization authorization = CruxAuthentication.CreateAuthorization(
            options,
            credentials => new CruxLoginTokenProvider(
                credentials,
                httpClients,
                new CruxClientCore(settings, new LoginRequestAuthorization(credentials.Password), loggerFactory, time, clientName, metrics)));
        return new CruxClientCore(settings, authorization, loggerFactory, time, clientName, metrics);
    }
}
