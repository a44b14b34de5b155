using System.Diagnostics;
using System.Net;
using Crux.Connect.Testing.Tests.Support;

namespace Crux.Connect.Testing.Tests;

public sealed class StateTests
{
    [Fact]
    public void Constructor_Default_SeedsAdminsViewersAndMembers()
    {
        var sim = new CruxSimulator();

        Assert.Equal(SimulatedOrganizationType.Retailer, sim.Retailer.Type);
        Assert.Equal(SimulatedOrganizationType.Supplier, sim.Supplier.Type);
        Assert.Equal(16, sim.GetAssignedPermissions(sim.RetailerAdmin.Uuid).Count);
        Assert.Equal(18, sim.GetAssignedPermissions(sim.SupplierAdmin.Uuid).Count);
        Assert.Equal(["view_org_users"], sim.GetAssignedPermissionNames(sim.SupplierViewer.Uuid));
        Assert.Equal(["view_org_users"], sim.GetAssignedPermissionNames(sim.RetailerViewer.Uuid));
        Assert.Same(sim.Supplier, sim.SupplierAdmin.Organization);
        Assert.Equal(40, sim.SupplierAdmin.Token.Length);
        Assert.Equal(6, sim.UserCount);
        Assert.DoesNotContain(sim.SupplierAdmin.Token, sim.SupplierAdmin.ToString());
    }

    [Fact]
    public void AddUser_PermissionOfOtherOrganizationType_Throws()
    {
        var sim = new CruxSimulator();

        Assert.Throws<ArgumentException>(() => sim.AddUser(sim.Retailer, "x@r.example", "pw", "edit_items"));
        Assert.Throws<ArgumentException>(() => sim.AddUser(sim.Retailer, sim.RetailerAdmin.Username, "pw"));
    }

    [Fact]
    public void AssignAndUnassign_ChangeStateReadBackByUuidAndName()
    {
        var sim = new CruxSimulator();
        var user = sim.AddUser(sim.Supplier, "new@supplier.example", "pw");

        sim.Assign(user.Uuid, "edit_items", "view_order");
        sim.Unassign(user.Uuid, "view_order", "cancel_order");

        Assert.Equal([sim.PermissionUuid("edit_items")], sim.GetAssignedPermissions(user.Uuid));
        Assert.Equal(["edit_items"], sim.GetAssignedPermissionNames(user.Uuid));
        Assert.Same(user, sim.GetUser(user.Uuid));
        Assert.Throws<ArgumentException>(() => sim.GetAssignedPermissions(Guid.NewGuid()));
    }

    [Fact]
    public async Task AddUsers_TenThousand_IsFastAndEachCanLogIn()
    {
        var sim = new CruxSimulator();
        var clock = Stopwatch.StartNew();

        var users = sim.AddUsers(sim.Supplier, 10_000, "view_org_users", "view_order");

        clock.Stop();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(10_000, users.Count);
        Assert.Equal(10_006, sim.UserCount);
        Assert.Equal(10_000, users.Select(u => u.Token).Distinct().Count());
        Assert.Equal(["view_org_users", "view_order"], sim.GetAssignedPermissionNames(users[users.Count - 1].Uuid));
        var last = users[users.Count - 1];
        using var client = new HttpClient(sim.CreateHandler()) { BaseAddress = SimulatorHarness.InMemoryBaseAddress };
        using var login = await client.PostAsync("organizations/user-login/", new StringContent(
            $$"""{"username":"{{last.Username}}","password":"{{last.Password}}"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(last.Token, (await Json.ReadAsync(login)).GetProperty("auth_token").GetString());
    }

#if !CRUX_NETSTANDARD_UNDER_TEST
    [Fact]
    public async Task Delete_ConcurrentFromBothDoors_EveryChangeLands()
    {
        var sim = new CruxSimulator();
        var users = sim.AddUsers(sim.Supplier, 50, "view_order", "view_items");
        await using var server = await sim.StartServerAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var memory = new HttpClient(sim.CreateHandler()) { BaseAddress = SimulatorHarness.InMemoryBaseAddress };
        var body = SimulatorHarness.UuidsBody(sim.PermissionUuid("view_order"));

        var sends = users.Select((u, i) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Delete, SimulatorHarness.PermissionsPath(u.Uuid))
            {
                Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", $"Token {sim.SupplierAdmin.Token}");
            return (i % 2 == 0 ? http : memory).SendAsync(request);
        });
        var responses = await Task.WhenAll(sends);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        Assert.All(users, u => Assert.Equal(["view_items"], sim.GetAssignedPermissionNames(u.Uuid)));
    }
#endif
}
