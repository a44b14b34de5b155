using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Crux.Connect.Tests.TestSupport;

/// <summary>
/// An in-memory handler that records every request (and, given a clock, when it arrived) and answers from a
/// script (one responder per attempt, the last one repeating). It counts attempts stalled on purpose and not yet
/// abandoned, so <see cref="SteppingTimeProvider"/> knows when only time can move the code under test on.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly List<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<DateTimeOffset> _arrivals = new();
    private readonly TimeProvider? _clock;
    private int _calls;
    private int _inFlight;
    private int _stalled;

    /// <summary>Initializes a new instance of the <see cref="ScriptedHandler"/> class.</summary>
    /// <param name="clock">The clock that stamps each request's arrival (see <see cref="Waits"/>); none for no stamps.</param>
    public ScriptedHandler(TimeProvider? clock = null)
    {
        _clock = clock;
    }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Gets the time between each request and the one before it, on the clock given at construction.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            DateTimeOffset[] arrivals = _arrivals.ToArray();
            return arrivals.Skip(1).Select((at, i) => at - arrivals[i]).ToArray();
        }
    }

    public int Calls => Volatile.Read(ref _calls);

    public int InFlight => Volatile.Read(ref _inFlight);

    public int Stalled => Volatile.Read(ref _stalled);

    public static HttpResponseMessage Response(HttpStatusCode status, string? body = null, string contentType = "application/json", Action<HttpResponseMessage>? configure = null)
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        configure?.Invoke(response);
        return response;
    }

    public ScriptedHandler Then(HttpStatusCode status, string? body = null, Action<HttpResponseMessage>? configure = null) =>
        Then((_, _) => Task.FromResult(Response(status, body, configure: configure)));

    public ScriptedHandler Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> responder)
    {
        _script.Add(responder);
        return this;
    }

    public ScriptedHandler ThenThrow(Exception exception) => Then((_, _) => Task.FromException<HttpResponseMessage>(exception));

    /// <summary>
    /// An attempt that never answers until its token is cancelled (a stalled server). It counts in
    /// <see cref="Stalled"/> from the moment it starts until the moment its token is cancelled: the count drops in
    /// the cancellation itself, so a clock that reads it right after firing a timer never sees a stale stall.
    /// </summary>
    public ScriptedHandler ThenStall() => Then(async (_, ct) =>
    {
        Interlocked.Increment(ref _stalled);
        int released = 0;
        void Release()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                Interlocked.Decrement(ref _stalled);
            }
        }

        using (ct.Register(Release))
        {
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            }
            finally
            {
                Release();
            }
        }
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            if (_clock is not null)
            {
                _arrivals.Enqueue(_clock.GetUtcNow());
            }

            _requests.Enqueue(await RecordedRequest.FromAsync(request));
            int call = Interlocked.Increment(ref _calls) - 1;
            if (_script.Count == 0)
            {
                throw new InvalidOperationException("The handler has no script.");
            }

            var responder = _script[Math.Min(call, _script.Count - 1)];
            HttpResponseMessage response = await responder(request, cancellationToken);
            response.RequestMessage = request;
            return response;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
