using Crux.Connect.Cli.Hosting;
using Spectre.Console;

namespace Crux.Connect.Cli.Connection;

/// <summary>A connected <see cref="CruxClient"/> for one run, with the simulator behind it when <c>--simulator</c> was given.</summary>
internal sealed class CliConnection : IDisposable
{
    private readonly HttpClient _http;

    private CliConnection(CliEnvironment environment, HttpClient http, CruxClient client, SimulatorWorld? simulator)
    {
        Environment = environment;
        _http = http;
        Client = client;
        Simulator = simulator;
    }

    public CliEnvironment Environment { get; }

    public CruxClient Client { get; }

    public OrganizationUsersClient Users => Client.OrganizationUsers;

    public SimulatorWorld? Simulator { get; }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The handler is owned by the HttpClient, which Dispose disposes.")]
    public static async Task<CliConnection> OpenAsync(CliSettings settings, CliHost host, IAnsiConsole? prompter)
    {
        CliEnvironment environment = CliEnvironment.From(settings);
        SimulatorWorld? simulator = environment.IsSimulator ? new SimulatorWorld() : null;
        var options = new CruxClientOptions { BaseAddress = environment.BaseAddress ?? new Uri("https://simulator.local/") };
        await CredentialReader.ApplyAsync(settings, host, prompter, options, simulator is null ? null : () => simulator.DefaultUser.Token).ConfigureAwait(false);

        // Rate-limit pauses are counted by the SDK's bulk engine (CruxBulkProgress), not here.
        var http = new HttpClient(simulator?.Simulator.CreateHandler() ?? new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            return new CliConnection(environment, http, new CruxClient(http, options), simulator);
        }
        catch (ArgumentException exception)
        {
            http.Dispose();

            // The SDK validates the options (a token with spaces, http to a non-loopback host) and says which is wrong,
            // never echoing the token.
            throw new UsageException(AdministratorWords.Of(exception));
        }
    }

    public void Dispose() => _http.Dispose();
}
