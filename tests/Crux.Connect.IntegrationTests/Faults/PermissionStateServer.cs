using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Crux.Connect.IntegrationTests.Faults;

/// <summary>What the soak server injects into a request instead of (or before) serving it.</summary>
internal enum InjectedFault
{
    /// <summary>503 with a JSON detail.</summary>
    ServiceUnavailable,

    /// <summary>429 with <c>Retry-After: 1</c> (delta-seconds).</summary>
    RetryAfterSeconds,

    /// <summary>429 with <c>Retry-After</c> one second ahead as an HTTP date.</summary>
    RetryAfterDate,

    /// <summary><see cref="HttpContext.Abort"/>: the connection is reset with no answer.</summary>
    Reset,

    /// <summary>No answer until the client gives up (then nothing is applied).</summary>
    Stall,
}

/// <summary>One request as the soak server received it, logged before any fault is decided.</summary>
internal sealed record ReceivedRequest(int OperationId, string Method, Guid User, byte[] Body, long? ContentLength, bool Chunked, InjectedFault? Fault);

/// <summary>
/// A purpose-built Kestrel app that keeps users' permission sets (set semantics, like the service) and injects
/// faults into a chosen fraction of requests. Every fault is decided before the change is applied, so a faulted
/// request never changes the state; a served request is applied under one lock, in arrival order.
/// </summary>
internal sealed class PermissionStateServer : IAsyncDisposable
{
    /// <summary>The header a test's handler stamps on every attempt, naming the operation it belongs to.</summary>
    public const string OperationHeader = "X-Soak-Operation";

    public const string Token = "soak-token";

    private const string PathPrefix = "/organizations/users/permissions/";
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(15);

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, HashSet<Guid>> _state = [];
    private readonly Random _random;
    private readonly double _faultRate;
    private readonly (InjectedFault Kind, double Weight)[] _mix;
    private readonly long[] _injected = new long[Enum.GetValues<InjectedFault>().Length];
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly ConcurrentQueue<int> _applied = new();
    private LoopbackServer? _server;

    private PermissionStateServer(double faultRate, int seed, (InjectedFault Kind, double Weight)[] mix)
    {
        _faultRate = faultRate;
        _random = new Random(seed);
        _mix = mix;
    }

    public Uri BaseAddress => _server!.BaseAddress;

    /// <summary>Gets every request received, in arrival order (stalled and reset ones included).</summary>
    public IReadOnlyCollection<ReceivedRequest> Received => _received;

    /// <summary>Gets the operation id of every request that changed (or re-confirmed) the state, in the order applied.</summary>
    public IReadOnlyCollection<int> Applied => _applied;

    public static async Task<PermissionStateServer> StartAsync(double faultRate, int seed, params (InjectedFault Kind, double Weight)[] mix)
    {
        var server = new PermissionStateServer(faultRate, seed, mix);
        server._server = await LoopbackServer.StartAsync(server.HandleAsync);
        return server;
    }

    public long InjectedCount(InjectedFault kind) => Interlocked.Read(ref _injected[(int)kind]);

    public void Seed(Guid user, IEnumerable<Guid> permissions)
    {
        lock (_gate)
        {
            _state[user] = [.. permissions];
        }
    }

    public IReadOnlySet<Guid> PermissionsOf(Guid user)
    {
        lock (_gate)
        {
            return _state.TryGetValue(user, out var set) ? new HashSet<Guid>(set) : [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        if (!path.StartsWith(PathPrefix, StringComparison.Ordinal) || !path.EndsWith('/')
            || !Guid.TryParse(path.AsSpan(PathPrefix.Length, path.Length - PathPrefix.Length - 1), out var user)
            || (request.Method != HttpMethods.Delete && request.Method != HttpMethods.Patch))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (request.Headers.Authorization.ToString() != "Token " + Token)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = buffer.ToArray();
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            return;
        }

        var operation = int.TryParse(request.Headers[OperationHeader].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
        var chunked = request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);
        var fault = DecideFault();
        _received.Enqueue(new ReceivedRequest(operation, request.Method, user, body, request.ContentLength, chunked, fault));

        switch (fault)
        {
            case InjectedFault.ServiceUnavailable:
                await AnswerAsync(context, StatusCodes.Status503ServiceUnavailable, """{"detail":"Service temporarily unavailable, try again later."}""");
                return;
            case InjectedFault.RetryAfterSeconds:
                context.Response.Headers.RetryAfter = "1";
                await AnswerAsync(context, StatusCodes.Status429TooManyRequests, """{"detail":"Request was throttled. Expected available in 1 second."}""");
                return;
            case InjectedFault.RetryAfterDate:
                context.Response.Headers.RetryAfter = DateTimeOffset.UtcNow.AddSeconds(1).ToString("R", CultureInfo.InvariantCulture);
                await AnswerAsync(context, StatusCodes.Status429TooManyRequests, """{"detail":"Request was throttled."}""");
                return;
            case InjectedFault.Reset:
                context.Abort();
                return;
            case InjectedFault.Stall:
                try
                {
                    await Task.Delay(StallLimit, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                context.Abort();
                return;
        }

        Guid[] uuids;
        try
        {
            using var json = JsonDocument.Parse(body);
            uuids = [.. json.RootElement.GetProperty("permission_uuids").EnumerateArray().Select(e => e.GetGuid())];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            await AnswerAsync(context, StatusCodes.Status400BadRequest, """{"permission_uuids":["This field is required."]}""");
            return;
        }

        lock (_gate)
        {
            if (!_state.TryGetValue(user, out var set))
            {
                set = [];
                _state[user] = set;
            }

            // Set semantics: adding what is there, or removing what is not, changes nothing and is no error.
            if (request.Method == HttpMethods.Delete)
            {
                set.ExceptWith(uuids);
            }
            else
            {
                set.UnionWith(uuids);
            }

            _applied.Enqueue(operation);
        }

        if (request.Method == HttpMethods.Delete)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        // A Crux-like success: a JSON object that is no error shape (a {"detail": ...} is one, issue 19).
        await AnswerAsync(context, StatusCodes.Status200OK, """{"permission_uuids_added":true}""");
    }

    private InjectedFault? DecideFault()
    {
        InjectedFault? fault = null;
        lock (_gate)
        {
            if (_random.NextDouble() < _faultRate)
            {
                double pick = _random.NextDouble() * _mix.Sum(m => m.Weight);
                fault = _mix[^1].Kind;
                foreach (var (kind, weight) in _mix)
                {
                    if (pick < weight)
                    {
                        fault = kind;
                        break;
                    }

                    pick -= weight;
                }
            }
        }

        if (fault is { } f)
        {
            Interlocked.Increment(ref _injected[(int)f]);
        }

        return fault;
    }

    private static async Task AnswerAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        context.Response.ContentLength = bytes.Length;
        try
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client gave up meanwhile; nothing to answer.
        }
    }
}
