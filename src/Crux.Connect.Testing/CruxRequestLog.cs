using System.Collections;

namespace Crux.Connect.Testing;

/// <summary>A bounded, thread-safe log of the requests a simulator received; past <see cref="Capacity"/> the oldest go first.
/// Enumerating it walks a snapshot, so requests arriving meanwhile never break a test's loop.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "A log is what it is (bounded, oldest dropped first); the name is public API the package's users already compile against.")]
public sealed class CruxRequestLog : IReadOnlyCollection<RecordedRequest>
{
    private readonly Queue<RecordedRequest> _entries = new();
    private readonly Lock _gate = new();
    private long _evicted;
    private RecordedRequest? _last;

    internal CruxRequestLog(int capacity) => Capacity = capacity;

    /// <summary>Gets how many requests the log keeps.</summary>
    public int Capacity { get; }

    /// <summary>Gets how many requests are in the log now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Gets how many requests were dropped from the log because it was full.</summary>
    public long EvictedCount => Interlocked.Read(ref _evicted);

    /// <summary>Gets the most recent request, or <see langword="null"/> when the log is empty.</summary>
    public RecordedRequest? Last
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>Copies the log, oldest first.</summary>
    /// <returns>A snapshot that later requests do not change.</returns>
    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    /// <summary>Empties the log.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _last = null;
        }
    }

    /// <inheritdoc />
    public IEnumerator<RecordedRequest> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _entries.Enqueue(request);
            _last = request;
            while (_entries.Count > Capacity)
            {
                _entries.Dequeue();
                _evicted++;
            }
        }
    }
}
