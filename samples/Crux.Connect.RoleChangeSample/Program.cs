// When a role changes: the purchasing team moves from "buyer" to "viewer". We know the set each member should hold now;
// the SDK works out what to take away and what to grant, prints the plan for review, then applies it (removal first).
// Runs against the in-memory Crux Connect simulator: no account, no network.
//
// Exit code: 0 when the change is verified (every member read back with exactly the new role, nothing failed, the one
// member changed by hand seen as drifted, the repeated change a no-op); 1 otherwise.
// CRUX_SAMPLE_RESULT=<path> (every sample takes it): also write what the run verified as one JSON document, the facts
// taken from what the SDK returned and read back: the plan's counts, the requests sent before applying, the applied,
// failed and drifted counts, each member's permissions read back at the end, the repeated change. CI checks that file
// with jq (.ci/steps/25-role-change-sample.sh); the console is for people.
using System.Text.Json;
using System.Text.Json.Nodes;
using Crux.Connect;
using Crux.Connect.Testing;

string[] buyer = [CruxPermissionNames.ViewOrgUsers, CruxPermissionNames.ViewOrder, CruxPermissionNames.CreateOrder, CruxPermissionNames.EditInventoryLists];
string[] viewer = [CruxPermissionNames.ViewOrgUsers, CruxPermissionNames.ViewOrder, CruxPermissionNames.ExportOrder, CruxPermissionNames.ViewInventoryLists];

// 1. A simulated retailer with a purchasing team of eight buyers.
var simulator = new CruxSimulator();
IReadOnlyList<SimulatedUser> team = simulator.AddUsers(simulator.Retailer, 8, buyer);
using var http = new HttpClient(simulator.CreateHandler());
var client = new CruxClient(http, new CruxClientOptions
{
    BaseAddress = new Uri("https://simulator.local/"),
    ApiToken = simulator.RetailerAdmin.Token,
});
OrganizationUsersClient users = client.OrganizationUsers;

// 2. The plan: one GET per member, nothing changed. Print it for review, and keep it as JSON (e.g. attached to a change ticket).
Console.WriteLine("1. The plan (nothing has changed yet)");
PermissionChangePlan plan = await users.PlanPermissionChangesAsync(team.ToDictionary(u => u.Uuid, _ => (IEnumerable<string>)viewer));
Console.WriteLine(plan);
string json = plan.ToJson();
Console.WriteLine($"   saved as JSON: {json.Length:N0} characters; requests so far: {Count("GET")} GET, {Count("DELETE")} DELETE, {Count("PATCH")} PATCH");
var facts = new JsonObject
{
    ["sample"] = "Crux.Connect.RoleChangeSample",
    ["plan"] = new JsonObject
    {
        ["users"] = plan.Users.Count + plan.Failures.Count,
        ["toChange"] = plan.UsersToChange,
        ["removals"] = plan.RemovalCount,
        ["additions"] = plan.AdditionCount,
        ["alreadyAsDesired"] = plan.Users.Count - plan.UsersToChange,
        ["notPlanned"] = plan.Failures.Count,
        // What the server saw before the plan was applied: reads only.
        ["requestsBeforeApply"] = new JsonObject { ["GET"] = Count("GET"), ["DELETE"] = Count("DELETE"), ["PATCH"] = Count("PATCH") },
    },
};

// 3. While the plan waits for review, someone gives one member cancel_order by hand: applying will notice.
simulator.Assign(team[2].Uuid, CruxPermissionNames.CancelOrder);

// 4. Approved: read the reviewed plan back and apply it. Each member is read again, then one DELETE and one PATCH, only if needed.
Console.WriteLine();
Console.WriteLine("2. Applying the reviewed plan");
CruxBulkResult<AppliedPermissionChange> applied = await users.ApplyPermissionChangesAsync(
    PermissionChangePlan.FromJson(json), new CruxBulkOptions { MaxConcurrency = 4 });
foreach (CruxBulkOutcome<AppliedPermissionChange> outcome in applied.Outcomes)
{
    Console.WriteLine($"   {(outcome.IsSuccess ? outcome.Result!.ToString() : outcome.ToString())}");
}

int drifted = applied.Outcomes.Count(o => o.Result?.Drifted == true);
Console.WriteLine($"   {applied.Succeeded} applied, {applied.Failed} failed, {drifted} drifted since the plan");
facts["applied"] = new JsonObject
{
    ["succeeded"] = applied.Succeeded,
    ["failed"] = applied.Failed,
    ["drifted"] = drifted,
    ["driftedUsers"] = new JsonArray([.. applied.Outcomes.Where(o => o.Result?.Drifted == true).Select(o => (JsonNode?)o.UserUuid.ToString("D"))]),
    ["changedByHand"] = team[2].Uuid.ToString("D"),
};

// Verified the way an application would: each member's permissions read back through the SDK.
var held = new JsonArray();
bool exact = true;
foreach (SimulatedUser member in team)
{
    string[] names = [.. (await users.GetPermissionsAsync(member.Uuid)).Where(a => a.Assigned).Select(a => a.Permission.Name).Order(StringComparer.Ordinal)];
    exact &= names.SequenceEqual(viewer.Order(StringComparer.Ordinal));
    held.Add(new JsonObject { ["user"] = member.Uuid.ToString("D"), ["permissions"] = new JsonArray([.. names.Select(n => (JsonNode?)n)]) });
}

facts["final"] = held;
facts["verified"] = exact;
Console.WriteLine(exact
    ? $"Verified: every team member holds exactly {string.Join(", ", viewer)}"
    : "Unexpected: a team member does not hold exactly the viewer role");

// 5. One user at a time, without a plan: the result says what was done, with the server's request ids for an audit trail.
Console.WriteLine();
Console.WriteLine("3. One user: promote the first member back to buyer");
SetPermissionsResult promoted = await users.SetPermissionsAsync(team[0].Uuid, buyer);
Console.WriteLine($"   {promoted}");
Console.WriteLine($"   request ids: read {promoted.ReadRequestId}, DELETE {promoted.RemoveRequestId}, PATCH {promoted.AddRequestId}");

// 6. Idempotent: the same set again costs one GET and changes nothing.
int before = simulator.Requests.Count;
SetPermissionsResult again = await users.SetPermissionsAsync(team[0].Uuid, buyer);
Console.WriteLine($"   again: changed = {again.Changed}, requests sent = {simulator.Requests.Count - before}");
facts["promoted"] = new JsonObject { ["changed"] = promoted.Changed, ["removed"] = promoted.Removed.Count, ["added"] = promoted.Added.Count };
facts["again"] = new JsonObject { ["changed"] = again.Changed, ["requestsSent"] = simulator.Requests.Count - before };
WriteResult(facts);

return exact && applied.Failed == 0 && drifted == 1 && !again.Changed ? 0 : 1;

int Count(string method) => simulator.Requests.Snapshot().Count(r => r.Method == method);

// CRUX_SAMPLE_RESULT (see the header).
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
