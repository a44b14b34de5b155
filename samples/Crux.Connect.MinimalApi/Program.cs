// Crux.Connect in an ASP.NET Core minimal API: remove a permission from a user by name, for two organizations.
//
//   dotnet run --project samples/Crux.Connect.MinimalApi
//       With no token configured it runs against the built-in simulator (in memory): no account, no network.
//       Then: curl -X DELETE http://localhost:5000/users/<user-uuid>/permissions/export_order
//
//   dotnet user-secrets --project samples/Crux.Connect.MinimalApi set "CruxConnect:ApiToken" "<supplier token>"
//   dotnet user-secrets --project samples/Crux.Connect.MinimalApi set "Crux:Retailer:ApiToken" "<retailer token>"
//       Runs against the environment appsettings.json names (the Sandbox). In production set the environment
//       variables CruxConnect__ApiToken and Crux__Retailer__ApiToken, and CruxConnect__BaseAddress=https://api.cruxconnect.com/.
//
//   dotnet run --project samples/Crux.Connect.MinimalApi -- --smoke
//       What CI runs: starts on a free port, calls its own endpoints, prints the answers, stops. Exit code 0 when each
//       answer had the status it should, 1 otherwise. With CRUX_SAMPLE_RESULT=<path> (every sample takes it) it also
//       writes the answers as one JSON document (each call's method, path, status and body, parsed), which CI checks
//       with jq (.ci/steps/65-samples.sh); the console is for people.
using System.Text.Json;
using System.Text.Json.Nodes;
using Crux.Connect;
using Crux.Connect.Testing;
using Microsoft.AspNetCore.Mvc;

bool smoke = args.Contains("--smoke");
WebApplicationBuilder builder = WebApplication.CreateBuilder(args.Where(a => a != "--smoke").ToArray());
if (smoke)
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}

// No token configured: the simulator plays Crux Connect, fed through the same configuration keys a real deployment uses.
CruxSimulator? simulator = string.IsNullOrEmpty(builder.Configuration["CruxConnect:ApiToken"]) ? new CruxSimulator() : null;
if (simulator is not null)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["CruxConnect:BaseAddress"] = "https://simulator.local/",
        ["CruxConnect:ApiToken"] = simulator.SupplierAdmin.Token,
        ["Crux:Retailer:BaseAddress"] = "https://simulator.local/",
        ["Crux:Retailer:ApiToken"] = simulator.RetailerAdmin.Token,
    });
    builder.Services.AddSingleton(simulator);
}

// The organization this application acts for: OrganizationUsersClient and CruxClient are injected anywhere.
IHttpClientBuilder supplier = builder.Services.AddCruxConnect(builder.Configuration.GetSection("CruxConnect"));

// A second organization, by name: [FromKeyedServices("retailer")] OrganizationUsersClient, or ICruxClientFactory.
IHttpClientBuilder retailer = builder.Services.AddCruxConnect("retailer", builder.Configuration.GetSection("Crux:Retailer"));

if (simulator is not null)
{
    supplier.ConfigurePrimaryHttpMessageHandler(simulator.CreateHandler);
    retailer.ConfigurePrimaryHttpMessageHandler(simulator.CreateHandler);
}

WebApplication app = builder.Build();

// Remove one permission, by name, from a user of the supplier organization.
app.MapDelete("/users/{userUuid:guid}/permissions/{permission}", (Guid userUuid, string permission, OrganizationUsersClient users, CancellationToken cancellationToken) =>
    CruxResults.Run(async () =>
    {
        RemovePermissionsResult result = await users.RemovePermissionsAsync(userUuid, [permission], cancellationToken);
        return Results.Ok(new { removed = permission, user = result.UserUuid, status = (int)result.StatusCode, requestId = result.RequestId });
    }));

// Read a user's permissions in the retailer organization: the named client, with its own token.
app.MapGet("/retailer/users/{userUuid:guid}/permissions", ([FromKeyedServices("retailer")] OrganizationUsersClient users, Guid userUuid, CancellationToken cancellationToken) =>
    CruxResults.Run(async () =>
    {
        IReadOnlyList<PermissionAssignment> assignments = await users.GetPermissionsAsync(userUuid, cancellationToken);
        return Results.Ok(assignments.Where(a => a.Assigned).Select(a => a.Permission.Name));
    }));

if (!smoke)
{
    if (simulator is not null)
    {
        app.Logger.LogInformation("No token configured: answering from the simulator. Try DELETE /users/{User}/permissions/export_order", simulator.SupplierMember.Uuid);
    }

    await app.RunAsync();
    return 0;
}

// --smoke: call our own endpoints once, print what a client sees, stop.
await app.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
CruxSimulator sim = simulator ?? throw new InvalidOperationException("--smoke runs against the simulator: configure no token.");
var answers = new JsonObject();
int failures = 0;
failures += await ShowAsync(answers, "removal", http.DeleteAsync($"users/{sim.SupplierMember.Uuid}/permissions/export_order"), 200);
failures += await ShowAsync(answers, "unknownPermission", http.DeleteAsync($"users/{sim.SupplierMember.Uuid}/permissions/export_orders"), 400);
failures += await ShowAsync(answers, "retailerRead", http.GetAsync($"retailer/users/{sim.RetailerMember.Uuid}/permissions"), 200);
await app.StopAsync();
Console.WriteLine(failures == 0 ? "minimal API smoke test: ok" : $"minimal API smoke test: {failures} unexpected answer(s)");
if (Environment.GetEnvironmentVariable("CRUX_SAMPLE_RESULT") is { Length: > 0 } resultPath)
{
    var facts = new JsonObject { ["sample"] = "Crux.Connect.MinimalApi", ["answers"] = answers, ["unexpected"] = failures };
    await using FileStream file = File.Create(resultPath);
    await using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
    facts.WriteTo(writer);
}

return failures == 0 ? 0 : 1;

static async Task<int> ShowAsync(JsonObject answers, string name, Task<HttpResponseMessage> call, int expected)
{
    using HttpResponseMessage response = await call;
    string body = await response.Content.ReadAsStringAsync();
    Console.WriteLine($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.AbsolutePath} -> {(int)response.StatusCode}: {body}");
    answers[name] = new JsonObject
    {
        ["method"] = response.RequestMessage.Method.Method,
        ["path"] = response.RequestMessage.RequestUri.AbsolutePath,
        ["status"] = (int)response.StatusCode,
        ["expected"] = expected,
        ["body"] = ParseOrText(body),
    };
    return (int)response.StatusCode == expected ? 0 : 1;
}

// A body that is not JSON is kept as text, so the check sees what came back.
static JsonNode? ParseOrText(string body)
{
    try
    {
        return JsonNode.Parse(body);
    }
    catch (JsonException)
    {
        return JsonValue.Create(body);
    }
}
