using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Crux.Connect.Tests.Diagnostics.Support;

/// <summary>One recorded measurement: the instrument, the value and its tags.</summary>
internal sealed record Measurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>Records the <c>Crux.Connect</c> meter's measurements of one server address (each test uses its own host).</summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();
    private readonly string _serverAddress;

    public MeasurementRecorder(string serverAddress)
    {
        _serverAddress = serverAddress;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Crux.Connect")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> Of(string instrumentName) =>
        _measurements.Where(m => m.Instrument.Name == instrumentName).ToArray();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        if (Equals(copy.GetValueOrDefault("server.address"), _serverAddress))
        {
            _measurements.Enqueue(new Measurement(instrument, value, copy));
        }
    }
}
