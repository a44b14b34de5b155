// Crux.Connect sample: remove permissions from an organization user, end to end.
//
//   dotnet run --project samples/Crux.Connect.Sample
//       Runs against the built-in simulator (the Crux.Connect.Testing package), served over real HTTP on
//       127.0.0.1: no account, no network.
//
//   CRUX_API_TOKEN=<token> dotnet run --project samples/Crux.Connect.Sample -- --sandbox <user-uuid> <permission> <permission>...
//       Runs the same code against the real Crux Connect sandbox. A permission is a uuid or a name (export_order).
//       The token's user needs view_org_users and edit_org_users. Optional: CRUX_RESTRICTED_API_TOKEN, the token of a
//       user without edit_org_users, for section 6 (without it, section 7 shows a 401 from an invalid token).
//
// Exit code: 0 when the removed permissions are verified gone; 1 when anything unexpected happens; 2 for bad arguments.
//
// CRUX_SAMPLE_RESULT=<path> (every sample takes it): also write what the run verified as one JSON document, the facts
// taken from what the SDK returned and read back: the removed permissions, each read back as assigned or not, and
// section 7's exception type and status. CI checks that file with jq (.ci/steps/20-sample.sh); the console is for people.
using System.Text.Json;
using System.Text.Json.Nodes;
using Crux.Connect;
using Crux.Connect.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// 1. Where to, and as whom. Everything simulator-specific is in this section: the rest of the program sees only a base address,
//    a token, a user and permissions, exactly as it would with the real service.
//    The simulator runs as a real HTTP server (Kestrel on loopback) rather than as an in-memory handler, so the
//    SDK's requests (a DELETE with a JSON body) cross a socket as they would on the way to Crux Connect, and the
//    client is wired exactly as in production: only the configuration values differ.
bool sandbox = args.Length > 0 && args[0] == "--sandbox";
CruxSimulator? simulator = sandbox ? null : new CruxSimulator();
await using CruxSimulatorServer? server = simulator is null ? null : await simulator.StartServerAsync();

Uri baseAddress;
string adminToken;
string? restrictedToken;
Guid userUuid;
string[] permissionsToRemove;
string userLabel;
if (simulator is not null && server is not null)
{
    // The simulator's users come with their API tokens: "logging in" as the supplier's organization admin is using
    // its token. (With the real service, the token comes from your Crux Connect account or from the login call.)
    Console.WriteLine($"Crux.Connect sample, against the built-in simulator at {server.BaseAddress} (no account, no network)");
    baseAddress = server.BaseAddress;
    adminToken = simulator.SupplierAdmin.Token;
    restrictedToken = simulator.SupplierViewer.Token;
    userUuid = simulator.SupplierMember.Uuid;
    userLabel = $"{simulator.SupplierMember.Username} ({userUuid:D})";
    permissionsToRemove = ["export_order", "cancel_order"];
    Console.WriteLine();
    Console.WriteLine($"1. Acting with the API token of {simulator.SupplierAdmin.Username}, organization admin of \"{simulator.Supplier.Name}\" (a token needs no login)");
}
else
{
    if (Environment.GetEnvironmentVariable("CRUX_API_TOKEN") is not { Length: > 0 } token
        || args.Length < 3
        || !Guid.TryParse(args[1], out userUuid))
    {
        Console.Error.WriteLine("usage: CRUX_API_TOKEN=<token> dotnet run --project samples/Crux.Connect.Sample -- --sandbox <user-uuid> <permission> <permission>...");
        Console.Error.WriteLine("       (a permission is a uuid or a name; optional CRUX_RESTRICTED_API_TOKEN: a token without edit_org_users)");
        return 2;
    }

    Console.WriteLine($"Crux.Connect sample, against the Crux Connect sandbox at {CruxEnvironments.Sandbox}");
    baseAddress = CruxEnvironments.Sandbox;
    adminToken = token;
    restrictedToken = Environment.GetEnvironmentVariable("CRUX_RESTRICTED_API_TOKEN") is { Length: > 0 } restricted ? restricted : null;
    userLabel = userUuid.ToString("D");
    permissionsToRemove = args[2..];
    Console.WriteLine();
    Console.WriteLine("1. Acting with the API token from CRUX_API_TOKEN (a token needs no login)");
}

// 2. The generic host, as in any ASP.NET Core app or worker service. The SDK reads its settings from the
//    "CruxConnect" section; in your app they come from appsettings.json, user secrets or environment variables
//    (CruxConnect__ApiToken). Here section 1's values are put into configuration. Instead of ApiToken, the keys
//    Credentials:Username and Credentials:Password make the SDK log in itself (POST /organizations/user-login/).
//    Binding is reflection-free, so the program also works when published with Native AOT.
HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["CruxConnect:BaseAddress"] = baseAddress.AbsoluteUri,
    ["CruxConnect:ApiToken"] = adminToken,
});
builder.Logging.SetMinimumLevel(LogLevel.Warning); // the SDK logs each call at Information; keep the console readable
builder.Services.AddCruxConnect(builder.Configuration.GetSection("CruxConnect"));

using IHost host = builder.Build();
var facts = new JsonObject { ["sample"] = "Crux.Connect.Sample", ["against"] = sandbox ? "sandbox" : "simulator" };
try
{
    await host.StartAsync(); // validates the options (ValidateOnStart): a missing token fails here, not at the first call
    Console.WriteLine();
    Console.WriteLine($"2. Crux.Connect registered from the configuration section CruxConnect (BaseAddress {baseAddress})");

    // Inject OrganizationUsersClient (or CruxClient) wherever you need it; here it is taken from the container.
    OrganizationUsersClient users = host.Services.GetRequiredService<OrganizationUsersClient>();

    // 3. Permission uuids differ between environments: resolve names to uuids through the catalog.
    IReadOnlyList<Permission> catalog = await users.GetAllPermissionsAsync();
    var toRemove = new List<Permission>();
    foreach (string wanted in permissionsToRemove)
    {
        Permission? permission = Guid.TryParse(wanted, out Guid uuid)
            ? catalog.FirstOrDefault(p => p.Uuid == uuid) ?? new Permission(uuid, wanted, null, null, null, null)
            : catalog.FirstOrDefault(p => p.Name == wanted);
        if (permission is null)
        {
            Console.Error.WriteLine($"'{wanted}' is not a permission of this environment; known: {string.Join(", ", catalog.Select(p => p.Name))}");
            return 2;
        }

        toRemove.Add(permission);
    }

    Guid[] uuids = [.. toRemove.Select(p => p.Uuid)];
    string names = string.Join(", ", toRemove.Select(p => p.Name));
    Console.WriteLine();
    // The catalog is the organization's view: the documentation lists 21 names, 13 for every organization, 3 for retailers
    // only and 5 for suppliers only, so a supplier sees 18 and a retailer 16.
    Console.WriteLine($"3. The catalog this organization sees has {catalog.Count} permissions (of the 21 documented: 13 common, 3 retailer-only, 5 supplier-only); to remove: {string.Join(", ", toRemove.Select(p => $"{p.Name} = {p.Uuid:D}"))}");

    // 4. The user's permissions before.
    IReadOnlyList<PermissionAssignment> before = await users.GetPermissionsAsync(userUuid);
    Console.WriteLine();
    Console.WriteLine($"4. Permissions of {userLabel}:");
    PrintAssignments(before, uuids, removed: false);

    // 5. The job: DELETE /organizations/users/permissions/{user_uuid}/ with {"permission_uuids": [...]}.
    RemovePermissionsResult result = await users.RemovePermissionsAsync(userUuid, uuids);
    Console.WriteLine();
    Console.WriteLine($"5. Removed {result.PermissionUuids.Count} permission(s): the server answered {(int)result.StatusCode} {result.StatusCode} (request id {result.RequestId ?? "none"})");
    facts["removal"] = new JsonObject
    {
        ["user"] = result.UserUuid.ToString("D"),
        ["status"] = (int)result.StatusCode,
        ["requestId"] = result.RequestId,
        ["sent"] = new JsonArray([.. result.PermissionUuids.Select(u => (JsonNode?)u.ToString("D"))]),
    };

    // 6. The user's permissions after, read back from the server: the removed ones must no longer be assigned.
    IReadOnlyList<PermissionAssignment> after = await users.GetPermissionsAsync(userUuid);
    Console.WriteLine();
    Console.WriteLine($"6. Permissions of {userLabel} after the removal:");
    PrintAssignments(after, uuids, removed: true);
    string[] stillAssigned = [.. after.Where(a => a.Assigned && uuids.Contains(a.Permission.Uuid)).Select(a => a.Permission.Name)];
    facts["removed"] = new JsonArray([.. toRemove.Select(p => (JsonNode?)new JsonObject
    {
        ["name"] = p.Name,
        ["uuid"] = p.Uuid.ToString("D"),
        ["assignedBefore"] = IsAssigned(before, p.Uuid),
        ["assignedAfter"] = IsAssigned(after, p.Uuid),
    })]);
    facts["verified"] = stillAssigned.Length == 0;
    Console.WriteLine();
    if (stillAssigned.Length > 0)
    {
        Console.WriteLine($"NOT removed: {string.Join(", ", stillAssigned)} -- still assigned after a successful removal");
        return 1;
    }

    Console.WriteLine($"Removed: {names} -- verified, no longer assigned");

    // 7. What a failure looks like: every failure is a CruxException; a failure status is a CruxApiException
    //    subclass carrying the status, the server's detail and its request id (give that to support).
    //    This client is built by hand, on an HttpClient from the factory, for a user without edit_org_users.
    bool haveRestrictedUser = restrictedToken is not null;
    var restrictedClient = new CruxClient(
        host.Services.GetRequiredService<IHttpClientFactory>().CreateClient(),
        new CruxClientOptions { BaseAddress = baseAddress, ApiToken = restrictedToken ?? "an-invalid-token" });
    Console.WriteLine();
    Console.WriteLine(haveRestrictedUser
        ? "7. The same removal by a user without edit_org_users:"
        : "7. The same removal with an invalid token (set CRUX_RESTRICTED_API_TOKEN to see a 403 instead):");
    try
    {
        await restrictedClient.OrganizationUsers.RemovePermissionsAsync(userUuid, uuids);
        Console.WriteLine("   unexpected: the server accepted it");
        return 1;
    }
    catch (CruxApiException e) when (haveRestrictedUser ? e is CruxPermissionDeniedException : e is CruxAuthenticationException)
    {
        PrintError(e);
        facts["error"] = new JsonObject
        {
            ["exception"] = e.GetType().Name,
            ["status"] = (int)e.StatusCode,
            ["statusName"] = e.StatusCode.ToString(),
            ["requestId"] = e.RequestId,
        };
    }

    Console.WriteLine();
    Console.WriteLine("Done.");
    return 0;
}
catch (Exception e) when (e is CruxException or OptionsValidationException)
{
    Console.WriteLine();
    Console.WriteLine($"Unexpected failure: {e.GetType().Name}: {e.Message}");
    facts["failure"] = e.GetType().Name;
    return 1;
}
finally
{
    await host.StopAsync();
    WriteResult(facts);
}

// null when the user's list does not mention the permission at all (a uuid given on the command line, say).
static bool? IsAssigned(IReadOnlyList<PermissionAssignment> assignments, Guid uuid) =>
    assignments.FirstOrDefault(a => a.Permission.Uuid == uuid)?.Assigned;

// CRUX_SAMPLE_RESULT (see the header). Written when the run ends, whatever happened, so a failed run shows how far it got;
// a run that never got that far (bad arguments) writes nothing.
static void WriteResult(JsonObject facts)
{
    if (Environment.GetEnvironmentVariable("CRUX_SAMPLE_RESULT") is not { Length: > 0 } path)
    {
        return;
    }

    using FileStream file = File.Create(path);
    using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
    facts.WriteTo(writer);
}

// A table of the permissions the user holds, plus the ones this sample removes (so the second table shows them gone).
static void PrintAssignments(IReadOnlyList<PermissionAssignment> assignments, Guid[] removing, bool removed)
{
    var rows = assignments
        .Where(a => a.Assigned || removing.Contains(a.Permission.Uuid))
        .Select(a => new[]
        {
            a.Permission.Name,
            a.Permission.DisplayName ?? "",
            a.Assigned ? "yes" : "no",
            removing.Contains(a.Permission.Uuid) ? (removed ? "removed" : "to remove") : "",
        })
        .ToList();
    PrintTable(["permission", "display name", "assigned", "this sample"], rows);
    int others = assignments.Count(a => !a.Assigned && !removing.Contains(a.Permission.Uuid));
    Console.WriteLine($"   ({others} other permission(s) of the organization not assigned)");
}

static void PrintError(CruxApiException e)
{
    string fieldErrors = string.Join("; ", e.FieldErrors.Select(f => $"{f.Key}: {string.Join(" ", f.Value)}"));
    PrintTable(
        ["property", "value"],
        [
            ["exception", e.GetType().Name],
            ["StatusCode", $"{(int)e.StatusCode} {e.StatusCode}"],
            ["Detail", e.Detail ?? "(none)"],
            ["FieldErrors", fieldErrors.Length > 0 ? fieldErrors : "(none)"],
            ["RequestId", e.RequestId ?? "(none)"],
        ]);
    Console.WriteLine($"   Message: {e.Message}");
}

static void PrintTable(string[] headers, IReadOnlyList<string[]> rows)
{
    int[] widths = [.. headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length)))];
    string Line(string[] cells) => "   | " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
    Console.WriteLine(Line(headers));
    Console.WriteLine("   |" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
    foreach (string[] row in rows)
    {
        Console.WriteLine(Line(row));
    }
}
