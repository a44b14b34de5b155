using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Crux.Connect.Diagnostics;

/// <summary>
/// The process-wide <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <c>Crux.Connect</c> and
/// versioned like the assembly, so OpenTelemetry's <c>AddSource("Crux.Connect")</c> and
/// <c>AddMeter("Crux.Connect")</c> pick the SDK up with no other code. Static, like <c>System.Net.Http</c>'s:
/// every client in the process reports through the same instruments.
/// </summary>
internal static class CruxTelemetry
{
    public const string Name = "Crux.Connect";

    public const string DurationName = "crux.client.request.duration";
    public const string RetriesName = "crux.client.retries";
    public const string ErrorsName = "crux.client.errors";

    public static readonly string Version = ReadVersion();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    /// <summary>How long each operation took as its caller saw it: every attempt and every wait included.</summary>
    public static readonly Histogram<double> Duration = CreateDuration();

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        RetriesName, "{retry}", "Retries of Crux Connect operations, by the failure that caused them.");

    public static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        ErrorsName, "{error}", "Crux Connect operations that failed, by exception type.");

    /// <summary>Gets whether anything at all listens; when not, an operation allocates nothing for telemetry.</summary>
    public static bool AnyMetricEnabled => Duration.Enabled || Errors.Enabled || Retries.Enabled;

    private static Histogram<double> CreateDuration()
    {
        const string Description = "Duration of Crux Connect operations, retries and waits included.";
        // The OpenTelemetry HTTP client buckets: the default ones are in milliseconds and would put every call in one bucket.
        // (Before .NET 9 there is no advice: Polyfills/MeterAdvicePolyfills.cs creates the histogram without it there.)
        return Meter.CreateHistogram<double>(
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
        int plus = version.IndexOf('+');
        return plus >= 0 ? version.Substring(0, plus) : version;
    }
}
