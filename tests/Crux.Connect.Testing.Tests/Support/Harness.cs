using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Crux.Connect.Testing.Tests.Support;

/// <summary>A simulator and a plain HttpClient pointed at one of its doors.</summary>
public sealed class Harness : IAsyncDisposable
{
    public const string JsonType = "application/json; charset=utf-8";
    public static readonly Uri MemoryBase = new("https://simulator.local/");

    private Harness(CruxSimulator simulator, HttpClient client, CruxSimulatorServer? server)
    {
        Simulator = simulator;
        Client = client;
        Server = server;
    }

    public CruxSimulator Simulator { get; }

    public HttpClient Client { get; }

    public CruxSimulatorServer? Server { get; }

    public static async Task<Harness> StartAsync(Door door, CruxSimulatorOptions? options = null)
    {
        var simulator = new CruxSimulator(options);
        if (door == Door.Memory)
        {
            return new Harness(simulator, new HttpClient(simulator.CreateHandler()) { BaseAddress = MemoryBase }, null);
        }

        var server = await simulator.StartServerAsync();
        return new Harness(simulator, new HttpClient { BaseAddress = server.BaseAddress }, server);
    }

    public static string PermissionsPath(Guid user) => $"organizations/users/permissions/{user:D}/";

    public static string UuidsBody(params Guid[] uuids) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["permission_uuids"] = uuids.Select(u => u.ToString("D")).ToArray() });

    public Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, SimulatedUser? caller = null, string? json = null, string contentType = JsonType, string? authorization = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        else if (caller is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", caller.Token);
        }

        if (json is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> DeleteAsync(SimulatedUser caller, Guid target, params Guid[] uuids) =>
        SendAsync(HttpMethod.Delete, PermissionsPath(target), caller, UuidsBody(uuids));

    public Task<HttpResponseMessage> PatchAsync(SimulatedUser caller, Guid target, params Guid[] uuids) =>
        SendAsync(HttpMethod.Patch, PermissionsPath(target), caller, UuidsBody(uuids));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
