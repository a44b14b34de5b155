using Crux.Connect.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Crux.Connect.Internal;

/// <summary>
/// Everything a client needs that is built once from its options and shared by every call (and, under
/// dependency injection, by every short-lived typed client): the settings snapshot, the resilience
/// pipeline, time and logging.
/// </summary>
internal sealed class CruxClientCore
{
    public CruxClientCore(
        CruxClientSettings settings,
        ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider,
        Func<double>? jitter = null,
        string? clientName = null,
        CruxMetrics? metrics = null)
    {
        Settings = settings;
        TimeProvider = timeProvider ?? TimeProvider.System;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(CruxTelemetry.Name);
        Diagnostics = new CruxClientDiagnostics(Logger, settings, TimeProvider, clientName, metrics);
        Pipeline = CruxResilience.Create(settings, TimeProvider, jitter ?? Jitter.Shared);
    }

    public CruxClientSettings Settings { get; }

    public TimeProvider TimeProvider { get; }

    public ILogger Logger { get; }

    /// <summary>Gets the logger and the fixed tag values of this client's logs, traces and metrics.</summary>
    public CruxClientDiagnostics Diagnostics { get; }

    public ResiliencePipeline Pipeline { get; }
}
