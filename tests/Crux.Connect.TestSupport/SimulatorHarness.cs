using Crux.Connect.Testing;

namespace Crux.Connect.TestSupport;

/// <summary>
/// The one simulator harness of the tests: a <see cref="CruxSimulator"/> behind one of its <see cref="Door"/>s, and what a test
/// reaches it with: a plain <see cref="HttpClient"/> (<see cref="Client"/>, for the wire rules), an SDK client connected as an
/// admin (<see cref="Users"/>), clients wired as applications wire them (<see cref="Connect"/>, on .NET), and the address a
/// process such as the crux tool is pointed at (<see cref="BaseAddress"/>). Disposing it disposes every client it made, then
/// stops the Kestrel host.
/// </summary>
public sealed partial class SimulatorHarness : IAsyncDisposable
{
    /// <summary>The base address of the in-memory door: any absolute address works, the handler ignores the host.</summary>
    public static readonly Uri InMemoryBaseAddress = new("https://simulator.local/");

    private readonly List<IDisposable> _owned = [];
    private readonly Lazy<OrganizationUsersClient> _users;
    private readonly string _pathBase;
#if !CRUX_NETSTANDARD_UNDER_TEST
    private readonly CruxSimulatorServer? _server;
#endif

    private SimulatorHarness(
        CruxSimulator simulator,
        Door door,
        object? server,
        string pathBase,
        Action<CruxClientOptions>? configure,
        Action<HttpRequestMessage, HttpResponseMessage>? onAnswer)
    {
        Simulator = simulator;
        Door = door;
        _pathBase = pathBase;
#if CRUX_NETSTANDARD_UNDER_TEST
        _ = server;
        ServerAddress = InMemoryBaseAddress;
#else
        _server = (CruxSimulatorServer?)server;
        ServerAddress = _server?.BaseAddress ?? InMemoryBaseAddress;
#endif
        BaseAddress = pathBase.Length == 0 ? ServerAddress : new Uri(ServerAddress, pathBase.Trim('/') + "/");
        Client = Own(new HttpClient(CreateHandler()) { BaseAddress = ServerAddress });
        _users = new Lazy<OrganizationUsersClient>(() => CreateAdminClient(configure, onAnswer));
    }

    /// <summary>Gets the simulator: its state, request log and fault injector.</summary>
    public CruxSimulator Simulator { get; }

    /// <summary>Gets the door the test asked for (on a simulator build without the HTTP door, requests still go in memory).</summary>
    public Door Door { get; }

#if !CRUX_NETSTANDARD_UNDER_TEST
    /// <summary>Gets the Kestrel host, or <see langword="null"/> behind the in-memory door.</summary>
    public CruxSimulatorServer? Server => _server;
#endif

    /// <summary>Gets the root the door answers at: the host's address (127.0.0.1 and its port), or <see cref="InMemoryBaseAddress"/>.</summary>
    public Uri ServerAddress { get; }

    /// <summary>Gets the API's root: <see cref="ServerAddress"/> plus the simulator's path base, with a trailing slash.
    /// What a <see cref="CruxClientOptions.BaseAddress"/> or the crux tool's <c>--base-address</c> is set to.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets a plain <see cref="HttpClient"/> through the door, its base address <see cref="ServerAddress"/>.</summary>
    public HttpClient Client { get; }

    /// <summary>
    /// Gets an SDK client through the door as the retailer's admin, with small retry delays (so rate-limited runs take seconds),
    /// made on first use with the <c>configure</c> and <c>onAnswer</c> given to <see cref="StartAsync(Door, CruxSimulatorOptions?, Action{CruxClientOptions}?, Action{HttpRequestMessage, HttpResponseMessage}?)"/>.
    /// </summary>
    public OrganizationUsersClient Users => _users.Value;

    /// <summary>Starts a new simulator behind <paramref name="door"/>.</summary>
    /// <param name="door">The door requests go through.</param>
    /// <param name="simulatorOptions">The simulator's options: seed, clock, request log capacity, path base.</param>
    /// <param name="configure">Changes the options of <see cref="Users"/>.</param>
    /// <param name="onAnswer">Sees every answer <see cref="Users"/> gets, before the SDK reads it (to inject a fault at an exact point).</param>
    public static Task<SimulatorHarness> StartAsync(
        Door door,
        CruxSimulatorOptions? simulatorOptions = null,
        Action<CruxClientOptions>? configure = null,
        Action<HttpRequestMessage, HttpResponseMessage>? onAnswer = null) =>
        StartAsync(new CruxSimulator(simulatorOptions), door, simulatorOptions?.PathBase ?? string.Empty, configure, onAnswer);

    /// <summary>Starts <paramref name="simulator"/> (made by the test, e.g. with users of its own) behind <paramref name="door"/>.</summary>
    /// <param name="simulator">The simulator, built without a path base (the harness cannot read one back from it).</param>
    /// <param name="door">The door requests go through.</param>
    /// <param name="configure">Changes the options of <see cref="Users"/>.</param>
    /// <param name="onAnswer">Sees every answer <see cref="Users"/> gets, before the SDK reads it.</param>
    public static Task<SimulatorHarness> StartAsync(
        CruxSimulator simulator,
        Door door,
        Action<CruxClientOptions>? configure = null,
        Action<HttpRequestMessage, HttpResponseMessage>? onAnswer = null) =>
        StartAsync(simulator, door, string.Empty, configure, onAnswer);

    private static async Task<SimulatorHarness> StartAsync(
        CruxSimulator simulator,
        Door door,
        string pathBase,
        Action<CruxClientOptions>? configure,
        Action<HttpRequestMessage, HttpResponseMessage>? onAnswer)
    {
#if CRUX_NETSTANDARD_UNDER_TEST
        // The netstandard2.0 build of the simulator has no HTTP door: every case goes through the in-memory one.
        await Task.CompletedTask;
        return new SimulatorHarness(simulator, door, null, pathBase, configure, onAnswer);
#else
        CruxSimulatorServer? server = door == Door.Http ? await simulator.StartServerAsync() : null;
        return new SimulatorHarness(simulator, door, server, pathBase, configure, onAnswer);
#endif
    }

    /// <summary>A hook for <c>onAnswer</c> that runs <paramref name="act"/> once, when the first successful answer to a
    /// <paramref name="method"/> request arrives.</summary>
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

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

#if !CRUX_NETSTANDARD_UNDER_TEST
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
#else
        await Task.CompletedTask;
#endif
    }

    /// <summary>A handler through the door: the simulator's own in memory, a socket handler over HTTP.</summary>
    private HttpMessageHandler CreateHandler()
    {
#if !CRUX_NETSTANDARD_UNDER_TEST
        if (_server is not null)
        {
            return new SocketsHttpHandler();
        }
#endif
        return Simulator.CreateHandler();
    }

    private OrganizationUsersClient CreateAdminClient(Action<CruxClientOptions>? configure, Action<HttpRequestMessage, HttpResponseMessage>? onAnswer)
    {
        var http = Own(new HttpClient(new AnswerHook(CreateHandler(), onAnswer)));
        var options = new CruxClientOptions { BaseAddress = BaseAddress, ApiToken = Simulator.RetailerAdmin.Token };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        configure?.Invoke(options);
        return new CruxClient(http, options).OrganizationUsers;
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        lock (_owned)
        {
            _owned.Add(disposable);
        }

        return disposable;
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
