using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crux.Connect.TestSupport;

/// <summary>SDK clients wired as applications wire them (modern .NET only: the containers come with ASP.NET Core here).</summary>
public sealed partial class SimulatorHarness
{
    /// <summary>The transport the simulator's request log records for a wiring.</summary>
    public static string TransportOf(Wiring wiring) => wiring == Wiring.InMemoryHandler ? "memory" : "http";

    /// <summary>Connects an SDK client as the user owning <paramref name="token"/>; the harness disposes its HTTP client or container.</summary>
    /// <param name="wiring">How the application builds the client; every wiring but <see cref="Wiring.InMemoryHandler"/> needs
    /// the <see cref="Door.Http"/> door.</param>
    /// <param name="token">The user's API token.</param>
    /// <param name="version">The API version the client speaks.</param>
    /// <param name="baseAddress">Overrides the base address the wiring would use (to test path prefixes).</param>
    public OrganizationUsersClient Connect(Wiring wiring, string token, CruxApiVersion version = CruxApiVersion.V1, Uri? baseAddress = null)
    {
        switch (wiring)
        {
            case Wiring.Constructor:
            {
                var http = Own(new HttpClient());
                return new CruxClient(http, Options(baseAddress ?? BaseAddress, token, version)).OrganizationUsers;
            }

            case Wiring.AddCruxConnect:
            {
                var services = new ServiceCollection();
                services.AddCruxConnect(o => Copy(Options(baseAddress ?? BaseAddress, token, version), o));
                return Own(services.BuildServiceProvider(validateScopes: true)).GetRequiredService<OrganizationUsersClient>();
            }

            case Wiring.AddCruxConnectFromConfiguration:
            {
                IConfiguration configuration = new ConfigurationBuilder()
                    .AddInMemoryCollection(new Dictionary<string, string?>
                    {
                        ["CruxConnect:BaseAddress"] = (baseAddress ?? BaseAddress).OriginalString,
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

    private static CruxClientOptions Options(Uri baseAddress, string token, CruxApiVersion version) =>
        new() { BaseAddress = baseAddress, ApiToken = token, ApiVersion = version };

    private static void Copy(CruxClientOptions from, CruxClientOptions to)
    {
        to.BaseAddress = from.BaseAddress;
        to.ApiToken = from.ApiToken;
        to.ApiVersion = from.ApiVersion;
    }
}
