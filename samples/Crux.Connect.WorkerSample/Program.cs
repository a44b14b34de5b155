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
builder.Services.AddSingleton<ICruxTokenProvider, VaultTokenProvider>();
IHttpClientBuilder crux = builder.Services.AddCruxConnect(builder.Configuration.GetSection("CruxConnect"));
if (simulator is not null)
{
    crux.ConfigurePrimaryHttpMessageHandler(simulator.CreateHandler);
}

builder.Services.AddSingleton(new OffboardingQueue(leavers));
builder.Services.AddHostedService<OffboardingWorker>();

using IHost host = builder.Build();
await host.RunAsync();
return Environment.ExitCode;
