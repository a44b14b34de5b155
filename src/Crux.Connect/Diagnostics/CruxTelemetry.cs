using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Crux.Connect.Diagnostics;

/// <summary>
/// The process-wide <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>Crux.Connect</c> and
/// versioned like the assembly, so OpenTelemetry's <c>AddSource("Crux.Connect")</c> and
/// <c>AddMeter("Crux.Connect")</c> pick the SDK up with no other code. Static, like <c>System.Net.Http</c>'s. The
/// instruments are in <see cref="CruxMetrics"/>: on this meter for clients built with the public constructor, on a meter
/// from the application's <see cref="IMeterFactory"/> for clients that <c>AddCruxConnect</c> builds when one is registered.
/// </summary>
internal static class CruxTelemetry
{
    public const string Name = "Crux.Connect";

    public const string DurationName = "crux.client.request.duration";
    public const string RetriesName = "crux.client.retries";
    public const string ErrorsName = "crux.client.errors";

    public static readonly string Version = ReadVersion();

    public static readonly ActivitySource Source = new(Name, Version);

    /// <summary>The meter of clients built without dependency injection (see <see cref="CruxMetrics.Shared"/>).</summary>
    public static readonly Meter Meter = new(Name, Version);

    /// <summary>Creates the duration histogram on <paramref name="meter"/> (see <see cref="CruxMetrics"/>).</summary>
    public static Histogram<double> CreateDuration(Meter meter)
    {
        const string Description = "Duration of Crux Connect operations, retries and waits included.";
        // The OpenTelemetry HTTP client buckets: the default ones are in milliseconds and would put every call in one bucket.
        // (Before .NET 9 there is no advice: Polyfills/MeterAdvicePolyfills.cs creates the histogram without it there.)
        return meter.CreateHistogram<double>(
            DurationName,
            "s",
            Description,
            tags: null,
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60, 100],
            });
    }

    private static string ReadVersion()
    {
        Assembly assembly = typeof(CruxTelemetry).Assembly;
        string version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";

        // The informational version ends in "+<commit>"; the name a trace or a server log shows is the version alone.
        return version.Split('+')[0];
    }
}
