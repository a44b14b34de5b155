using System.Diagnostics;
using Crux.Connect.Internal;
using Microsoft.Extensions.Logging;

namespace Crux.Connect.Diagnostics;

/// <summary>
/// One client's logger and the tag values that never change for it (server address and port, boxed once).
/// <see cref="Start"/> is the only thing the send path calls when nobody listens, and then it answers
/// <see langword="null"/>.
/// </summary>
internal sealed class CruxClientDiagnostics
{
    public CruxClientDiagnostics(
        ILogger logger, CruxClientSettings settings, TimeProvider timeProvider, string? clientName = null, CruxMetrics? metrics = null)
    {
        ClientName = clientName;
        Metrics = metrics ?? CruxMetrics.Shared;
        Logger = logger;
        Settings = settings;
        TimeProvider = timeProvider;
        ServerAddress = settings.BaseUri.Host;
        ServerPort = settings.BaseUri.Port;
    }

    public ILogger Logger { get; }

    public CruxClientSettings Settings { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the instruments this client reports through: the static meter's, or the container's <c>IMeterFactory</c> one's.</summary>
    public CruxMetrics Metrics { get; }

    public string ServerAddress { get; }

    /// <summary>Gets the name of a named registration (<c>AddCruxConnect(name, …)</c>), tagged as <c>crux.client.name</c>; otherwise <see langword="null"/>.</summary>
    public string? ClientName { get; }

    /// <summary>Gets the port, boxed once for the client's lifetime, since every operation tags it.</summary>
    public object ServerPort { get; }

    /// <summary>
    /// Starts observing one operation, or answers <see langword="null"/> when no log level we use is on, no
    /// activity is sampled and no instrument is listened to: the common case of a client with no telemetry.
    /// </summary>
    public CruxOperationTelemetry? Start(in CruxRequest request)
    {
        Activity? activity = CruxTelemetry.Source.HasListeners()
            ? CruxTelemetry.Source.StartActivity(request.Operation, ActivityKind.Internal)
            : null;

        // Warning is the highest level we log at (a failure): if even that is off, logging needs nothing from us.
        if (activity is null && !Logger.IsEnabled(LogLevel.Warning) && !Metrics.AnyEnabled)
        {
            return null;
        }

        return new CruxOperationTelemetry(this, request, activity);
    }
}
