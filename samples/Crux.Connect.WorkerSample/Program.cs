// Crux.Connect in a worker service: a BackgroundService that removes permissions from users as they leave a team,
// with tokens from a vault through ICruxTokenProvider instead of a token in configuration.
//
//   dotnet run --project samples/Crux.Connect.WorkerSample
//       Runs against the built-in simulator (in memory), whose admin token plays the vault's secret. The vault first
//       hands out a token that has since been rotated: the SDK gets a 401, asks the provider for a new one and retries.
//
//   CRUX_VAULT_TOKEN=<token> dotnet run --project samples/Crux.Connect.WorkerSample -- <user-uuid>...
//       Against the environment appsettings.json names (the Sandbox), the token read from the environment as a
//       stand-in for your vault client.
//
// Exit code: 0 when every user in the queue was offboarded; 1 when one failed.
// CRUX_SAMPLE_RESULT=<path> (every sample takes it): also write what the run did as one JSON document, the facts taken
// from what the SDK returned: each user offboarded with the permissions the server confirmed removing (named through the
// catalog) and its request id, how many times the token provider dropped a rejected token, and the failures. CI checks
// that file with jq (.ci/steps/65-samples.sh); the console is for people.
using System.Text.Json;
using System.Text.Json.Nodes;
using Crux.Connect;
using Crux.Connect.Testing;
using Crux.Connect.WorkerSample;

HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);

CruxSimulator? simulator = Environment.GetEnvironmentVariable("CRUX_VAULT_TOKEN") is { Length: > 0 } ? null : new CruxSimulator();
IReadOnlyList<Guid> leavers;
if (simulator is not null)
{
    builder.Configuration["CruxConnect:BaseAddress"] = "https://simulator.local/";
    leavers = [simulator.SupplierMember.Uuid, simulator.SupplierViewer.Uuid];
    builder.Services.AddSingleton<ISecretVault>(new RotatingVault(stale: "a0000000000000000000000000000000000000ff", current: simulator.SupplierAdmin.Token));
}
else
{
    leavers = args.Select(Guid.Parse).ToArray();
    builder.Services.AddSingleton<ISecretVault>(new EnvironmentVault("CRUX_VAULT_TOKEN"));
}

// The token provider is registered in the container; the options set no ApiToken, so the SDK uses it.
builder.Services.AddSingleton<VaultTokenProvider>();
builder.Services.AddSingleton<ICruxTokenProvider>(services => services.GetRequiredService<VaultTokenProvider>());
IHttpClientBuilder crux = builder.Services.AddCruxConnect(builder.Configuration.GetSection("CruxConnect"));
if (simulator is not null)
{
    crux.ConfigurePrimaryHttpMessageHandler(simulator.CreateHandler);
}

builder.Services.AddSingleton(new OffboardingQueue(leavers));
builder.Services.AddSingleton<OffboardingWorker>();
builder.Services.AddHostedService(services => services.GetRequiredService<OffboardingWorker>());

using IHost host = builder.Build();
// host.RunAsync(), except that the host is disposed at the end of the program, not before the report below.
await host.StartAsync();
await host.WaitForShutdownAsync();
if (Environment.GetEnvironmentVariable("CRUX_SAMPLE_RESULT") is { Length: > 0 } resultPath)
{
    await WriteResultAsync(host.Services, simulator is null ? "sandbox" : "simulator", leavers, resultPath);
}

return Environment.ExitCode;

// CRUX_SAMPLE_RESULT (see the header).
static async Task WriteResultAsync(IServiceProvider services, string against, IReadOnlyList<Guid> queued, string path)
{
    OffboardingWorker worker = services.GetRequiredService<OffboardingWorker>();
    IReadOnlyList<Permission> catalog = await services.GetRequiredService<OrganizationUsersClient>().GetAllPermissionsAsync();
    var facts = new JsonObject
    {
        ["sample"] = "Crux.Connect.WorkerSample",
        ["against"] = against,
        ["queued"] = new JsonArray([.. queued.Select(u => (JsonNode?)u.ToString("D"))]),
        ["offboarded"] = new JsonArray([.. worker.Offboarded.Select(r => (JsonNode?)new JsonObject
        {
            ["user"] = r.UserUuid.ToString("D"),
            ["removed"] = new JsonArray([.. r.PermissionUuids.Select(u => (JsonNode?)(catalog.FirstOrDefault(p => p.Uuid == u)?.Name ?? u.ToString("D")))]),
            ["status"] = (int)r.StatusCode,
            ["requestId"] = r.RequestId,
        })]),
        ["tokenInvalidations"] = services.GetRequiredService<VaultTokenProvider>().Invalidations,
        ["failures"] = worker.Failed,
    };
    await using FileStream file = File.Create(path);
    await using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
    facts.WriteTo(writer);
}
