// A consumer of the packed Crux.Connect and Crux.Connect.Testing packages, as an application outside this
// repository would use them: removes permissions from a user over real HTTP (the simulator's Kestrel door on
// loopback) and checks what arrived on the wire. Exits 1 on any mismatch.
using System.Net;
using System.Reflection;
using System.Text.Json;
using Crux.Connect;
using Crux.Connect.Testing;
using Microsoft.Extensions.DependencyInjection;

var failures = new List<string>();
void Check(bool condition, string what)
{
    Console.WriteLine($"{(condition ? "ok  " : "FAIL")} {what}");
    if (!condition)
    {
        failures.Add(what);
    }
}

try
{
    // 1. The assemblies are the packed ones, of the version the step asked for, restored from the local folder.
    string expected = Metadata("ExpectedCruxPackageVersion");
    string restoreRoot = Metadata("CruxRestorePackagesPath");
    string packagesFolder = Metadata("CruxLocalPackagesFolder");
    foreach (Assembly assembly in new[] { typeof(CruxClient).Assembly, typeof(CruxSimulator).Assembly })
    {
        string name = assembly.GetName().Name!;
        string informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
        Check(informational.Split('+')[0] == expected, $"{name} informational version {informational} is the packed {expected}");

        string restored = Path.Combine(restoreRoot, name.ToLowerInvariant(), expected.ToLowerInvariant());
        string packagedDll = Path.Combine(restored, "lib", "net10.0", name + ".dll");
        Check(File.Exists(packagedDll) && File.ReadAllBytes(packagedDll).AsSpan().SequenceEqual(File.ReadAllBytes(assembly.Location)),
            $"{name} loaded is the package's lib/net10.0/{name}.dll");
        string metadata = Path.Combine(restored, ".nupkg.metadata");
        string source = File.Exists(metadata) ? File.ReadAllText(metadata) : "";
        Check(source.Contains(JsonEncodedText.Encode(Path.TrimEndingDirectorySeparator(packagesFolder)).ToString(), StringComparison.Ordinal),
            $"{name} was restored from {packagesFolder}");
    }

    // 2. The job: remove two permissions (one given twice) from a supplier user, over real HTTP.
    var simulator = new CruxSimulator();
    await using CruxSimulatorServer server = await simulator.StartServerAsync();
    SimulatedUser member = simulator.SupplierMember;
    Guid viewOrder = simulator.PermissionUuid("view_order");
    Guid exportOrder = simulator.PermissionUuid("export_order");

    using var http = new HttpClient();
    var client = new CruxClient(http, new CruxClientOptions
    {
        BaseAddress = server.BaseAddress,
        ApiToken = simulator.SupplierAdmin.Token,
    });
    RemovePermissionsResult result =
        await client.OrganizationUsers.RemovePermissionsAsync(member.Uuid, [viewOrder, exportOrder, viewOrder]);

    Check(result.UserUuid == member.Uuid, "result names the user");
    Check(result.PermissionUuids.SequenceEqual([viewOrder, exportOrder]), "result lists what was sent, duplicates removed, order kept");
    Check(result.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted or HttpStatusCode.NoContent,
        $"a success status ({(int)result.StatusCode})");

    IReadOnlyList<string> left = simulator.GetAssignedPermissionNames(member.Uuid);
    Check(!left.Contains("view_order") && !left.Contains("export_order"), "the simulator no longer assigns them");
    Check(left.Contains("cancel_order") && left.Contains(CruxSimulator.ViewOrgUsers), "the user's other permissions are untouched");

    // 3. The wire: a DELETE with the exact JSON body, a Content-Length and no chunking.
    RecordedRequest? delete = simulator.Requests.Snapshot().LastOrDefault(r => r.Method == "DELETE");
    Check(delete is not null, "the server received a DELETE");
    if (delete is not null)
    {
        string expectedBody = $"{{\"permission_uuids\":[\"{viewOrder:D}\",\"{exportOrder:D}\"]}}";
        Check(delete.Path == $"/organizations/users/permissions/{member.Uuid:D}/", $"path {delete.Path}");
        Check(delete.BodyText == expectedBody, $"body {delete.BodyText}");
        Check(delete.ContentLength == delete.Body.Length && !delete.IsChunked, $"Content-Length {delete.ContentLength}, not chunked");
        Check((delete.Header("User-Agent") ?? "").StartsWith($"Crux.Connect/{expected} ", StringComparison.Ordinal),
            $"User-Agent {delete.Header("User-Agent")}");
    }

    // 4. Read back through the SDK, with the client from dependency injection this time.
    var services = new ServiceCollection();
    services.AddCruxConnect(o =>
    {
        o.BaseAddress = server.BaseAddress;
        o.ApiToken = simulator.SupplierAdmin.Token;
    });
    await using ServiceProvider provider = services.BuildServiceProvider();
    OrganizationUsersClient users = provider.GetRequiredService<OrganizationUsersClient>();
    IReadOnlyList<PermissionAssignment> assignments = await users.GetPermissionsAsync(member.Uuid);
    Check(assignments.Any(a => a.Permission.Uuid == viewOrder && !a.Assigned), "GetPermissionsAsync shows view_order unassigned");

    // 5. A typed error from the package: a viewer may not remove permissions (403).
    var viewerClient = new CruxClient(http, new CruxClientOptions
    {
        BaseAddress = server.BaseAddress,
        ApiToken = simulator.SupplierViewer.Token,
    });
    try
    {
        await viewerClient.OrganizationUsers.RemovePermissionsAsync(member.Uuid, [simulator.PermissionUuid("cancel_order")]);
        Check(false, "a viewer's removal raises CruxPermissionDeniedException");
    }
    catch (CruxPermissionDeniedException e)
    {
        Check(e.StatusCode == HttpStatusCode.Forbidden, "a viewer's removal raises CruxPermissionDeniedException (403)");
    }
}
catch (Exception e)
{
    failures.Add($"unexpected {e.GetType().Name}");
    Console.WriteLine($"FAIL unexpected exception: {e}");
}

Console.WriteLine(failures.Count == 0
    ? "package consumer: all checks passed"
    : $"package consumer: {failures.Count} check(s) failed: {string.Join("; ", failures)}");
return failures.Count == 0 ? 0 : 1;

static string Metadata(string key) =>
    typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value ?? "";
