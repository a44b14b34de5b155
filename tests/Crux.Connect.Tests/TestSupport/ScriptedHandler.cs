using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Crux.Connect.Tests.TestSupport;

/// <summary>
/// An in-memory handler that records every request and answers from a script (one responder per
/// attempt, the last one repeating). It tracks attempts in flight and attempts stalled on purpose,
/// so <see cref="SteppingTimeProvider"/> knows when it is safe to move the clock.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly List<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _calls;
    private int _inFlight;
    private int _stalled;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

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

    /// <summary>An attempt that never answers until its token is cancelled (a stalled server).</summary>
    public ScriptedHandler ThenStall() => Then(async (_, ct) =>
    {
        Interlocked.Increment(ref _stalled);
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
            throw new InvalidOperationException("unreachable");
        }
        finally
        {
            Interlocked.Decrement(ref _stalled);
        }
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
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
