#pragma warning disable IDE0161 // two namespaces in one file: the advice type lives where .NET 9's does
// .NET 9's histogram advice, for the targets whose System.Diagnostics.DiagnosticSource predates it (net8.0 and
// netstandard2.0; compiled only for those, see the csproj). Advice is a hint to listeners, and those versions have no
// way to carry it: the histogram is created exactly as those builds always created it, without advice.
namespace System.Diagnostics.Metrics
{
    internal sealed class InstrumentAdvice<T>
        where T : struct
    {
        public IReadOnlyList<T>? HistogramBucketBoundaries { get; init; }
    }
}

namespace Crux.Connect.Diagnostics
{
    using System.Diagnostics.Metrics;

    internal static class MeterAdvicePolyfills
    {
        extension(Meter meter)
        {
            public Histogram<T> CreateHistogram<T>(
                string name, string? unit, string? description, IEnumerable<KeyValuePair<string, object?>>? tags, InstrumentAdvice<T>? advice)
                where T : struct
            {
                _ = tags;
                _ = advice;
                return meter.CreateHistogram<T>(name, unit, description);
            }
        }
    }
}
