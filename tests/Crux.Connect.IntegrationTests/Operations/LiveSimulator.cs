using Crux.Connect.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crux.Connect.IntegrationTests.Operations;

/// <summary>
/// A simulator served by its Kestrel host on 127.0.0.1, and SDK clients connected to it through any <see cref="Wiring"/>.
/// Disposing it disposes the clients' HTTP clients and containers, then stops the host.
/// </summary>
internal sealed class LiveSimulator : IAsyncDisposable
{
    /// <summary>The base address the in-memory wiring uses: any absolute address works, the handler ignores the host.</summary>
    public static readonly Uri InMemoryBaseAddress = new("https://simulator.local/");

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly string _pathBase;

    private LiveSimulator(CruxSimulator simulator, CruxSimulatorServer server, string pathBase)
    {
        Simulator = simulator;
        Server = server;
        _pathBase = pathBase;
    }

    public CruxSimulator Simulator { get; }

    public CruxSimulatorServer Server { get; }

    /// <summary>The API's root over HTTP: the host's address plus the simulator's path base, with a trailing slash.</summary>
    public Uri HttpBaseAddress => new(Server.BaseAddress, _pathBase.Length == 0 ? "" : _pathBase.TrimStart('/') + "/");

    public static async Task<LiveSimulator> StartAsync(string pathBase = "")
    {
        var simulator = new CruxSimulator(new CruxSimulatorOptions { PathBase = pathBase });
        return new LiveSimulator(simulator, await simulator.StartServerAsync(), pathBase);
    }

    /// <summary>The transport the simulator's request log records for a wiring.</summary>
    public static string TransportOf(Wiring wiring) => wiring == Wiring.InMemoryHandler ? "memory" : "http";

    /// <summary>The path prefix the SDK puts before <c>/organizations/...</c> for an API version.</summary>
    public static string VersionPrefix(CruxApiVersion version) => version == CruxApiVersion.Timpanogos ? "/timp" : "";

    /// <summary>The path the simulator logs for a user's permissions (path base included).</summary>
    public string PermissionsPath(Guid userUuid, CruxApiVersion version = CruxApiVersion.V1) =>
        $"{_pathBase}{VersionPrefix(version)}/organizations/users/permissions/{userUuid:D}/";

    /// <summary>The path the simulator logs for the catalog (path base included).</summary>
    public string AllPermissionsPath(CruxApiVersion version = CruxApiVersion.V1) =>
        $"{_pathBase}{VersionPrefix(version)}/organizations/all_permissions/";

    /// <summary>Connects an SDK client as the user owning <paramref name="token"/>.</summary>
    /// <param name="baseAddress">Overrides the base address the wiring would use (to test path prefixes).</param>
    public OrganizationUsersClient Connect(
        Wiring wiring, string token, CruxApiVersion version = CruxApiVersion.V1, Uri? baseAddress = null)
    {
        switch (wiring)
        {
            case Wiring.Constructor:
            {
                var http = new HttpClient();
                _owned.Add(new DisposeAdapter(http));
                return new CruxClient(http, Options(baseAddress ?? HttpBaseAddress, token, version)).OrganizationUsers;
            }

            case Wiring.AddCruxConnect:
            {
                var services = new ServiceCollection();
                services.AddCruxConnect(o => Copy(Options(baseAddress ?? HttpBaseAddress, token, version), o));
                return Own(services.BuildServiceProvider(validateScopes: true)).GetRequiredService<OrganizationUsersClient>();
            }

            case Wiring.AddCruxConnectFromConfiguration:
            {
                IConfiguration configuration = new ConfigurationBuilder()
                    .AddInMemoryCollection(new Dictionary<string, string?>
                    {
                        ["CruxConnect:BaseAddress"] = (baseAddress ?? HttpBaseAddress).OriginalString,
                        ["CruxConnect:ApiToken"] = token,
                        ["CruxConnect:ApiVersion"] = version.ToString(),
                    })
                    .Build();
                var services = new ServiceCollection();
                services.AddCruxConnect(configuration.GetSection("CruxConnect"));
                return Own(services.BuildServiceProvider(validateScopes: true)).GetRequiredService<CruxClient>().OrganizationUsers;
            }

            case Wiring.InMemoryHandler:
            {
                // As the simulator's README shows it.
                var services = new ServiceCollection();
                services.AddCruxConnect(o => Copy(Options(baseAddress ?? InMemoryBaseAddress, token, version), o))
                    .ConfigurePrimaryHttpMessageHandler(() => Simulator.CreateHandler());
                return Own(services.BuildServiceProvider(validateScopes: true)).GetRequiredService<OrganizationUsersClient>();
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(wiring), wiring, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        await Server.DisposeAsync();
    }

    private static CruxClientOptions Options(Uri baseAddress, string token, CruxApiVersion version) =>
        new() { BaseAddress = baseAddress, ApiToken = token, ApiVersion = version };

    private static void Copy(CruxClientOptions from, CruxClientOptions to)
    {
        to.BaseAddress = from.BaseAddress;
        to.ApiToken = from.ApiToken;
        to.ApiVersion = from.ApiVersion;
    }

    private ServiceProvider Own(ServiceProvider provider)
    {
        _owned.Add(provider);
        return provider;
    }

    private sealed class DisposeAdapter(IDisposable disposable) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            disposable.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
