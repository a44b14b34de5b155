using Crux.Connect.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Crux.Connect.TestingSample;

/// <summary>With the simulator: the service's real rules (tokens, permissions, uuids) and state you can read back.</summary>
public sealed class AccessReviewSimulatorTests
{
    [Fact]
    public async Task RevokeOrderAccess_InMemory_RemovesOnlyTheOrderPermissions()
    {
        var sim = new CruxSimulator();
        using ServiceProvider services = Services(sim, o =>
        {
            o.BaseAddress = new Uri("https://simulator.local/");   // any absolute address: the in-memory handler ignores the host
            o.ApiToken = sim.SupplierAdmin.Token;
        }, inMemory: true);

        AccessReviewReport report = await services.GetRequiredService<AccessReview>().RevokeOrderAccessAsync(sim.SupplierMember.Uuid);

        Assert.Equal(["cancel_order", "export_order", "view_order"], report.Removed);
        Assert.NotNull(report.RequestId);
        Assert.Equal(["view_items", "view_org_users"], sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid).Order());
        Assert.Equal(report.RequestId, sim.Requests.Last!.RequestId);
    }

    [Fact]
    public async Task RevokeOrderAccess_OverHttp_SendsOneDeleteWithTheBody()
    {
        var sim = new CruxSimulator();
        await using CruxSimulatorServer server = await sim.StartServerAsync();   // Kestrel on 127.0.0.1, a free port
        using ServiceProvider services = Services(sim, o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.ApiToken = sim.SupplierAdmin.Token;
        }, inMemory: false);

        await services.GetRequiredService<AccessReview>().RevokeOrderAccessAsync(sim.SupplierMember.Uuid);

        RecordedRequest delete = Assert.Single(sim.Requests.Snapshot(), r => r.Method == "DELETE");
        Assert.False(delete.IsChunked);
        Assert.Contains(sim.PermissionUuid("export_order").ToString("D"), delete.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeOrderAccess_CallerWithoutEditPermission_Throws403()
    {
        var sim = new CruxSimulator();
        using ServiceProvider services = Services(sim, o =>
        {
            o.BaseAddress = new Uri("https://simulator.local/");
            o.ApiToken = sim.SupplierViewer.Token;   // may read users, may not edit them
        }, inMemory: true);

        await Assert.ThrowsAsync<CruxPermissionDeniedException>(() => services.GetRequiredService<AccessReview>().RevokeOrderAccessAsync(sim.SupplierMember.Uuid));
        Assert.Contains("export_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
    }

    // The registration your application uses, with the simulator's handler as the primary one when in memory.
    private static ServiceProvider Services(CruxSimulator sim, Action<CruxClientOptions> configure, bool inMemory)
    {
        var services = new ServiceCollection();
        IHttpClientBuilder crux = services.AddCruxConnect(configure);
        if (inMemory)
        {
            crux.ConfigurePrimaryHttpMessageHandler(sim.CreateHandler);
        }

        services.AddTransient<AccessReview>();
        return services.BuildServiceProvider();
    }
}
