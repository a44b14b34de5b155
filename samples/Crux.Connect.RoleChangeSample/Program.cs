// When a role changes: the purchasing team moves from "buyer" to "viewer". We know the set each member should hold now;
// the SDK works out what to take away and what to grant, prints the plan for review, then applies it (removal first).
// Runs against the in-memory Crux Connect simulator: no account, no network.
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

bool exact = team.All(u => simulator.GetAssignedPermissionNames(u.Uuid).Order().SequenceEqual(viewer.Order()));
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

return exact && applied.Failed == 0 && drifted == 1 && !again.Changed ? 0 : 1;

int Count(string method) => simulator.Requests.Snapshot().Count(r => r.Method == method);
