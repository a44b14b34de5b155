using Crux.Connect.Testing;

namespace Crux.Connect.IntegrationTests.Roles;

/// <summary>
/// A simulator behind one of its doors and a <see cref="CruxClient"/> connected through it as an admin, with small retry delays
/// (so rate-limited runs take seconds) and an optional hook that sees every answer (to inject a fault at an exact point).
/// Disposing it disposes the client's <see cref="HttpClient"/> and stops the Kestrel host.
/// </summary>
internal sealed class RoleSimulator : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CruxSimulatorServer? _server;

    private RoleSimulator(CruxSimulator simulator, CruxSimulatorServer? server, HttpClient http, OrganizationUsersClient users)
    {
        Simulator = simulator;
        _server = server;
        _http = http;
        Users = users;
    }

    public CruxSimulator Simulator { get; }

    public OrganizationUsersClient Users { get; }

    public static Task<RoleSimulator> StartAsync(Door door, Action<CruxClientOptions>? configure = null, Action<HttpRequestMessage, HttpResponseMessage>? onAnswer = null) =>
        StartAsync(new CruxSimulator(), door, configure, onAnswer);

    public static async Task<RoleSimulator> StartAsync(
        CruxSimulator simulator, Door door, Action<CruxClientOptions>? configure = null, Action<HttpRequestMessage, HttpResponseMessage>? onAnswer = null)
    {
        CruxSimulatorServer? server = door == Door.Kestrel ? await simulator.StartServerAsync() : null;
        HttpMessageHandler inner = server is null ? simulator.CreateHandler() : new SocketsHttpHandler();
        var http = new HttpClient(new AnswerHook(inner, onAnswer));
        var options = new CruxClientOptions
        {
            BaseAddress = server?.BaseAddress ?? new Uri("https://simulator.local/"),
            ApiToken = simulator.RetailerAdmin.Token,
        };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        configure?.Invoke(options);
        return new RoleSimulator(simulator, server, http, new CruxClient(http, options).OrganizationUsers);
    }

    /// <summary>A hook for <see cref="StartAsync(CruxSimulator, Door, Action{CruxClientOptions}?, Action{HttpRequestMessage, HttpResponseMessage}?)"/>
    /// that runs <paramref name="act"/> once, when the first successful answer to a <paramref name="method"/> request arrives.</summary>
    public static Action<HttpRequestMessage, HttpResponseMessage> AfterFirst(string method, Action act)
    {
        int seen = 0;
        return (request, response) =>
        {
            if (request.Method.Method == method && response.IsSuccessStatusCode && Interlocked.Increment(ref seen) == 1)
            {
                act();
            }
        };
    }

    /// <summary>The methods of the requests the simulator logged, in order, e.g. <c>GET DELETE PATCH</c>.</summary>
    public string Methods() => string.Join(" ", Simulator.Requests.Snapshot().Select(r => r.Method));

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Runs after each answer arrives and before the SDK reads it.</summary>
    private sealed class AnswerHook(HttpMessageHandler inner, Action<HttpRequestMessage, HttpResponseMessage>? onAnswer) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            onAnswer?.Invoke(request, response);
            return response;
        }
    }
}
