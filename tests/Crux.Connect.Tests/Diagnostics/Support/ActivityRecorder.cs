using System.Collections.Concurrent;
using System.Diagnostics;

namespace Crux.Connect.Tests.Diagnostics.Support;

/// <summary>Records the stopped <c>Crux.Connect</c> activities of one server address (each test uses its own host).</summary>
internal sealed class ActivityRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public ActivityRecorder(string serverAddress)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Crux.Connect",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("server.address"), serverAddress))
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Stopped => _stopped.ToArray();

    public void Dispose() => _listener.Dispose();
}
