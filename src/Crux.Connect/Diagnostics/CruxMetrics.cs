using System.Diagnostics.Metrics;

namespace Crux.Connect.Diagnostics;

/// <summary>
/// The SDK's three instruments on one <see cref="System.Diagnostics.Metrics.Meter"/> named <c>Crux.Connect</c>. A client
/// built with the public constructor reports through <see cref="Shared"/>, on the process-wide static meter. Under
/// <c>AddCruxConnect</c> with an <see cref="IMeterFactory"/> registered (<c>services.AddMetrics()</c>, the generic host),
/// the container holds one set created through the factory (<see cref="Create"/>): the application's metrics pipeline
/// then owns the meter's scope and lifetime, and disposing the container disposes the meter. Same meter name, version,
/// instrument names, units and tags either way.
/// </summary>
internal sealed class CruxMetrics
{
    private CruxMetrics(Meter meter)
    {
        Meter = meter;
        Duration = CruxTelemetry.CreateDuration(meter);
        Retries = meter.CreateCounter<long>(
            CruxTelemetry.RetriesName, "{retry}", "Retries of Crux Connect operations, by the failure that caused them.");
        Errors = meter.CreateCounter<long>(
            CruxTelemetry.ErrorsName, "{error}", "Crux Connect operations that failed, by exception type.");
    }

    /// <summary>Gets the instruments on the static <see cref="CruxTelemetry.Meter"/>, for clients built without dependency injection.</summary>
    public static CruxMetrics Shared { get; } = new(CruxTelemetry.Meter);

    /// <summary>Gets the meter the instruments belong to.</summary>
    public Meter Meter { get; }

    /// <summary>Gets how long each operation took as its caller saw it: every attempt and every wait included.</summary>
    public Histogram<double> Duration { get; }

    public Counter<long> Retries { get; }

    public Counter<long> Errors { get; }

    /// <summary>Gets whether anything at all listens; when not, an operation allocates nothing for telemetry.</summary>
    public bool AnyEnabled => Duration.Enabled || Errors.Enabled || Retries.Enabled;

    /// <summary>
    /// Creates the instruments on a meter from <paramref name="factory"/>. The factory caches meters by name, version and
    /// scope, so every call with one factory lands on the same meter; the container calls this once and shares the set
    /// among all its clients, named ones included.
    /// </summary>
    public static CruxMetrics Create(IMeterFactory factory) =>
        new(factory.Create(new MeterOptions(CruxTelemetry.Name) { Version = CruxTelemetry.Version }));
}
