using System.Diagnostics;
using System.Globalization;
using System.Net;
using Crux.Connect.Testing;

namespace Crux.Connect.Benchmarks;

/// <summary>
/// The bulk engine under a sustained rate limit (issue 21): the simulator behind Kestrel on 127.0.0.1 allows N requests
/// per fixed window (1 s, or 200 ms: shorter than the whole seconds Retry-After can say) and answers 429 with Retry-After
/// beyond that; the SDK runs with DEFAULT options (4 users in flight,
/// 10 rate-limit retries per user). For each size and limit it prints the run's wall time against the ideal (requests
/// needed ÷ the server's rate), the 429s, failures and whether every user's final state is exact. A run lasts seconds to
/// a minute, so this is a harness of whole runs, not a BenchmarkDotNet job (which would repeat each one dozens of times).
/// Run: <c>dotnet run -c Release --project benchmarks/Crux.Connect.Benchmarks -- --bulk [repeats]</c>.
/// </summary>
internal static class BulkUnderRateLimit
{
    private static readonly string[] Buyer = ["view_org_users", "view_order", "create_order", "edit_inventory_lists"];
    private static readonly string[] Viewer = ["view_org_users", "view_order", "export_order", "view_inventory_lists"];

    public static async Task<int> RunAsync(int repeats)
    {
        Console.WriteLine("| operation | users | limit | requests needed | ideal | measured | ratio | 429s | failed | final state |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        bool allExact = true;
        for (int r = 0; r < repeats; r++)
        {
            // Two rates, each with whole-second windows and with a window shorter than Retry-After can say ("1" for 200 ms).
            foreach ((int permits, int windowMs) in ((int, int)[])[(200, 1000), (40, 200), (1000, 1000), (150, 200)])
            {
                var limit = new Limit(permits, TimeSpan.FromMilliseconds(windowMs));
                foreach (int users in (int[])[1_000, 10_000])
                {
                    allExact &= await RemoveAsync(users, limit);
                }

                allExact &= await AddAsync(1_000, limit);
                allExact &= await ApplyAsync(1_000, limit);
            }
        }

        return allExact ? 0 : 1;
    }

    private static async Task<bool> RemoveAsync(int userCount, Limit limit)
    {
        var sim = new CruxSimulator();
        IReadOnlyList<SimulatedUser> users = sim.AddUsers(sim.Retailer, userCount, CruxPermissionNames.EditOrgUsers, CruxPermissionNames.ViewOrder);
        await using CruxSimulatorServer server = await sim.StartServerAsync();
        using var http = new HttpClient();
        var client = new CruxClient(http, new CruxClientOptions { BaseAddress = server.BaseAddress, ApiToken = sim.RetailerAdmin.Token });
        sim.Faults.RateLimit(limit.Permits, limit.Window);
        var stopwatch = Stopwatch.StartNew();
        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            users.Select(u => u.Uuid), [CruxPermissionNames.EditOrgUsers]);
        stopwatch.Stop();
        bool exact = users.All(u => sim.GetAssignedPermissionNames(u.Uuid).SequenceEqual([CruxPermissionNames.ViewOrder]));
        Print("remove by name", userCount, limit, userCount, stopwatch.Elapsed, sim.ResponseCount(HttpStatusCode.TooManyRequests), result.Failed, exact);
        return exact && result.Failed == 0;
    }

    private static async Task<bool> AddAsync(int userCount, Limit limit)
    {
        var sim = new CruxSimulator();
        IReadOnlyList<SimulatedUser> users = sim.AddUsers(sim.Retailer, userCount, CruxPermissionNames.ViewOrder);
        await using CruxSimulatorServer server = await sim.StartServerAsync();
        using var http = new HttpClient();
        var client = new CruxClient(http, new CruxClientOptions { BaseAddress = server.BaseAddress, ApiToken = sim.RetailerAdmin.Token });
        sim.Faults.RateLimit(limit.Permits, limit.Window);
        var stopwatch = Stopwatch.StartNew();
        CruxBulkResult<AddPermissionsResult> result = await client.OrganizationUsers.AddPermissionsToUsersAsync(
            users.Select(u => u.Uuid), [CruxPermissionNames.EditOrgUsers]);
        stopwatch.Stop();
        string[] expected = [.. new[] { CruxPermissionNames.EditOrgUsers, CruxPermissionNames.ViewOrder }.Order()];
        bool exact = users.All(u => sim.GetAssignedPermissionNames(u.Uuid).Order().SequenceEqual(expected));
        Print("add by name", userCount, limit, userCount, stopwatch.Elapsed, sim.ResponseCount(HttpStatusCode.TooManyRequests), result.Failed, exact);
        return exact && result.Failed == 0;
    }

    private static async Task<bool> ApplyAsync(int userCount, Limit limit)
    {
        var sim = new CruxSimulator();
        IReadOnlyList<SimulatedUser> team = sim.AddUsers(sim.Retailer, userCount, Buyer);
        await using CruxSimulatorServer server = await sim.StartServerAsync();
        using var http = new HttpClient();
        var client = new CruxClient(http, new CruxClientOptions { BaseAddress = server.BaseAddress, ApiToken = sim.RetailerAdmin.Token });
        Guid[] viewer = [.. Viewer.Select(sim.PermissionUuid)];
        PermissionChangePlan plan = await client.OrganizationUsers.PlanPermissionChangesAsync(team.ToDictionary(u => u.Uuid, _ => (IEnumerable<Guid>)viewer));
        long before429 = sim.ResponseCount(HttpStatusCode.TooManyRequests);
        sim.Faults.RateLimit(limit.Permits, limit.Window);
        var stopwatch = Stopwatch.StartNew();
        CruxBulkResult<AppliedPermissionChange> result = await client.OrganizationUsers.ApplyPermissionChangesAsync(plan);
        stopwatch.Stop();
        bool exact = team.All(u => sim.GetAssignedPermissionNames(u.Uuid).Order().SequenceEqual(Viewer.Order()));
        Print("plan apply (GET, DELETE, PATCH)", userCount, limit, 3 * userCount, stopwatch.Elapsed, sim.ResponseCount(HttpStatusCode.TooManyRequests) - before429, result.Failed, exact);
        return exact && result.Failed == 0;
    }

    private static void Print(string operation, int users, Limit limit, int needed, TimeSpan measured, long tooMany, int failed, bool exact)
    {
        double ideal = needed / limit.PerSecond;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {operation} | {users:N0} | {limit} | {needed:N0} | {ideal:0.0} s | {measured.TotalSeconds:0.0} s | {measured.TotalSeconds / ideal:0.00} | {tooMany:N0} | {failed} | {(exact ? "exact" : "WRONG")} |"));
    }

    /// <summary>The simulator's fixed-window limit: <see cref="Permits"/> requests per <see cref="Window"/>.</summary>
    private readonly record struct Limit(int Permits, TimeSpan Window)
    {
        public double PerSecond => Permits / Window.TotalSeconds;

        public override string ToString() => Window == TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{Permits:N0}/s")
            : string.Create(CultureInfo.InvariantCulture, $"{Permits:N0} per {Window.TotalMilliseconds:0} ms ({PerSecond:N0}/s)");
    }
}
