// A role change across many users: "nobody in purchasing keeps edit_org_users; they get view_order instead".
// Runs against the in-memory Crux Connect simulator (no account, no network), with a rate limit to show the shared pause.
//
// Exit code: 0 when no user failed and every user ends with view_order and not edit_org_users; 1 otherwise.
// CRUX_SAMPLE_RESULT=<path> (every sample takes it): also write what the run did as one JSON document: each bulk call's
// figures as the SDK returned them (succeeded, failed, rate-limited answers, pauses, retries) and how many users the
// simulator holds as intended at the end. CI checks that file with jq (.ci/steps/65-samples.sh); the console is for people.
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crux.Connect;
using Crux.Connect.Testing;

// 1. A simulated environment: 2,000 purchasing users who still hold edit_org_users, and a server that allows 500 requests a second.
var simulator = new CruxSimulator();
IReadOnlyList<SimulatedUser> purchasing = simulator.AddUsers(simulator.Retailer, 2_000, CruxPermissionNames.EditOrgUsers);
simulator.Faults.RateLimit(500, TimeSpan.FromSeconds(1));

// 2. The client logs in with a user's credentials (POST /organizations/user-login/ once, on first use).
using var http = new HttpClient(simulator.CreateHandler());
var client = new CruxClient(http, new CruxClientOptions
{
    BaseAddress = new Uri("https://simulator.local/"),
    Credentials = new CruxCredentials(simulator.RetailerAdmin.Username, simulator.RetailerAdmin.Password),
});

// 3. A live progress line, redrawn in place.
var stopwatch = Stopwatch.StartNew();
var progress = new ConsoleProgress(p =>
    Console.Write($"\r  {p.Completed,5}/{p.Total} done, {p.Failed} failed, {p.RateLimitedResponses} rate-limited answers, {stopwatch.Elapsed.TotalSeconds:0.0} s   "));
var options = new CruxBulkOptions { MaxConcurrency = 8 };
IEnumerable<Guid> users = purchasing.Select(u => u.Uuid);

// 4. Remove by name (resolved once to this environment's uuid), then add the new role's permission.
Console.WriteLine($"Removing {CruxPermissionNames.EditOrgUsers} from {purchasing.Count} users:");
CruxBulkResult<RemovePermissionsResult> removed = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
    users, [CruxPermissionNames.EditOrgUsers], options, progress);
Console.WriteLine();
Console.WriteLine($"  {removed}");

stopwatch.Restart();
Console.WriteLine($"Adding {CruxPermissionNames.ViewOrder}:");
CruxBulkResult<AddPermissionsResult> added = await client.OrganizationUsers.AddPermissionsToUsersAsync(
    users, [CruxPermissionNames.ViewOrder], options, progress);
Console.WriteLine();
Console.WriteLine($"  {added}");

// 5. Every outcome is there; failures carry their typed exception.
foreach (CruxBulkOutcome<RemovePermissionsResult> failure in removed.Failures.Take(5))
{
    Console.WriteLine($"  failed: {failure}");
}

int asIntended = purchasing.Count(u => simulator.GetAssignedPermissionNames(u.Uuid).SequenceEqual([CruxPermissionNames.ViewOrder]));
bool right = asIntended == purchasing.Count;
Console.WriteLine(right ? "Every user now holds view_order and not edit_org_users." : "Unexpected final state.");
if (Environment.GetEnvironmentVariable("CRUX_SAMPLE_RESULT") is { Length: > 0 } resultPath)
{
    var facts = new JsonObject
    {
        ["sample"] = "Crux.Connect.BulkSample",
        ["users"] = purchasing.Count,
        ["removed"] = Figures(removed),
        ["added"] = Figures(added),
        // Read from the simulator's own state (the server's truth), not through the client under test.
        ["holdingOnlyViewOrder"] = asIntended,
        ["verified"] = right,
    };
    using FileStream file = File.Create(resultPath);
    using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
    facts.WriteTo(writer);
}

return right && removed.Failed == 0 && added.Failed == 0 ? 0 : 1;

static JsonObject Figures<T>(CruxBulkResult<T> result) where T : class => new()
{
    ["succeeded"] = result.Succeeded,
    ["failed"] = result.Failed,
    ["rateLimitedResponses"] = result.RateLimitedResponses,
    ["rateLimitPauses"] = result.RateLimitPauses,
    ["retries"] = result.Retries,
};

/// <summary>Draws inline: the SDK reports in order from its workers, so the line is final when the call returns
/// (<see cref="Progress{T}"/> would post to the thread pool and could draw after the summary).</summary>
internal sealed class ConsoleProgress(Action<CruxBulkProgress> draw) : IProgress<CruxBulkProgress>
{
    public void Report(CruxBulkProgress value) => draw(value);
}
