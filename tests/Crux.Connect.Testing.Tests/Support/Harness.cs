using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Crux.Connect.Testing.Tests.Support;

/// <summary>A simulator and a plain HttpClient pointed at one of its doors.</summary>
public sealed class Harness : IAsyncDisposable
{
    public const string JsonType = "application/json; charset=utf-8";
    public static readonly Uri MemoryBase = new("https://simulator.local/");

#if CRUX_NETSTANDARD_UNDER_TEST
    private Harness(CruxSimulator simulator, HttpClient client, object? server)
    {
        Simulator = simulator;
        Client = client;
        _ = server;
    }
#else
    private Harness(CruxSimulator simulator, HttpClient client, CruxSimulatorServer? server)
    {
        Simulator = simulator;
        Client = client;
        Server = server;
    }
#endif

    public CruxSimulator Simulator { get; }

    public HttpClient Client { get; }

#if !CRUX_NETSTANDARD_UNDER_TEST
    public CruxSimulatorServer? Server { get; }
#endif

    public static async Task<Harness> StartAsync(Door door, CruxSimulatorOptions? options = null)
    {
        var simulator = new CruxSimulator(options);
#if CRUX_NETSTANDARD_UNDER_TEST
        // The netstandard2.0 build has no HTTP door: every case goes through the in-memory one.
        if (door is Door.Memory or Door.Http)
#else
        if (door == Door.Memory)
#endif
        {
            return new Harness(simulator, new HttpClient(simulator.CreateHandler()) { BaseAddress = MemoryBase }, null);
        }

#if CRUX_NETSTANDARD_UNDER_TEST
        await Task.CompletedTask;
        throw new ArgumentOutOfRangeException(nameof(door));
#else
        var server = await simulator.StartServerAsync();
        return new Harness(simulator, new HttpClient { BaseAddress = server.BaseAddress }, server);
#endif
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
        SendAsync(new HttpMethod("PATCH"), PermissionsPath(target), caller, UuidsBody(uuids));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
#if !CRUX_NETSTANDARD_UNDER_TEST
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
#else
        await Task.CompletedTask;
#endif
    }
}
