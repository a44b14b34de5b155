using System.Net;
using Crux.Connect.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Testing.Tests;

public sealed class FaultInjectorTests
{
    private const string AllPermissions = "organizations/all_permissions/";

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task FailNext_TwoWithRetryAfter_AnswersThemThenRecovers(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;
        sim.Faults.FailNext(2, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(1.2));

        using var first = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);
        using var second = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);
        using var third = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), first.Headers.RetryAfter!.Delta);
        Assert.Equal("Simulated failure.", await Json.DetailAsync(first));
        Assert.True(first.Headers.Contains("X-Request-Id"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(2, sim.Faults.InjectedCount(CruxFaultKind.Status));
        Assert.Equal(3, sim.RequestsReceived);
        Assert.Equal(1, sim.RequestsServed);
        Assert.Equal(2, sim.ResponseCount(HttpStatusCode.ServiceUnavailable));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task FailNext_RetryAtDate_SendsRetryAfterAsHttpDate(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var at = new DateTimeOffset(2026, 10, 21, 7, 28, 0, TimeSpan.Zero);
        h.Simulator.Faults.FailNext(1, (HttpStatusCode)429, at);

        using var response = await h.SendAsync(HttpMethod.Get, AllPermissions, h.Simulator.SupplierAdmin);

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Equal(at, response.Headers.RetryAfter!.Date);
        Assert.Null(response.Headers.RetryAfter.Delta);
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task FailNext_HtmlBody_AnswersHtmlAndChangesNothing(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        var sim = h.Simulator;
        sim.Faults.FailNext(1, HttpStatusCode.BadGateway, body: "<html><body>502 Bad Gateway</body></html>");

        using var response = await h.DeleteAsync(sim.SupplierAdmin, sim.SupplierMember.Uuid, sim.PermissionUuid("view_order"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("502 Bad Gateway", await response.Content.ReadAsStringAsync());
        Assert.Contains("view_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task FailNext_EmptyBody_AnswersNoBody(Door door)
    {
        await using var h = await SimulatorHarness.StartAsync(door);
        h.Simulator.Faults.FailNext(1, HttpStatusCode.GatewayTimeout, body: string.Empty);

        using var response = await h.SendAsync(HttpMethod.Get, AllPermissions, h.Simulator.SupplierAdmin);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task DropNext_InMemory_ThrowsHttpRequestExceptionWithIOException()
    {
        await using var h = await SimulatorHarness.StartAsync(Door.InMemory);
        var sim = h.Simulator;
        sim.Faults.DropNext(1);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => h.DeleteAsync(sim.SupplierAdmin, sim.SupplierMember.Uuid, sim.PermissionUuid("view_order")));
        using var next = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);

        Assert.IsType<IOException>(error.InnerException);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains("view_order", sim.GetAssignedPermissionNames(sim.SupplierMember.Uuid));
        Assert.Equal(1, sim.Faults.InjectedCount(CruxFaultKind.Drop));
        Assert.Null(sim.Requests.First().ResponseStatus);
        Assert.Equal(CruxFaultKind.Drop, sim.Requests.First().Fault);
    }

    [Fact]
    public async Task DropNext_OverHttp_ClientSeesHttpRequestException()
    {
        await using var h = await SimulatorHarness.StartAsync(Door.Http);
        var sim = h.Simulator;
        sim.Faults.DropNext(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin));
        using var next = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(1, sim.Faults.InjectedCount(CruxFaultKind.Drop));
    }

    [Theory]
    [MemberData(nameof(Doors.Both), MemberType = typeof(Doors))]
    public async Task StallNext_FakeClock_AnswersOnlyAfterDelay(Door door)
    {
        var time = new SteppingTimeProvider();
        await using var h = await SimulatorHarness.StartAsync(door, new CruxSimulatorOptions { TimeProvider = time });
        var sim = h.Simulator;
        sim.Faults.StallNext(1, TimeSpan.FromSeconds(30));

        var pending = h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);
        var waited = await time.AdvanceInStepsAsync(pending, TimeSpan.FromSeconds(5), () => sim.RequestsReceived > 0);
        using var response = await pending;

        Assert.True(waited >= TimeSpan.FromSeconds(30), $"answered after {waited}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, sim.Faults.InjectedCount(CruxFaultKind.Stall));
    }

    [Fact]
    public async Task StallNext_ClientCancels_ThrowsOperationCanceled()
    {
        var time = new FakeTimeProvider();
        await using var h = await SimulatorHarness.StartAsync(Door.InMemory, new CruxSimulatorOptions { TimeProvider = time });
        var sim = h.Simulator;
        sim.Faults.StallNext(1, TimeSpan.FromMinutes(5));
        using var cts = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Get, AllPermissions);

        var pending = h.Client.SendAsync(request, cts.Token);
        Assert.True(SpinWait.SpinUntil(() => sim.RequestsReceived == 1, TimeSpan.FromSeconds(10)));
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task Latency_FakeClock_DelaysEveryRequest()
    {
        var time = new SteppingTimeProvider();
        await using var h = await SimulatorHarness.StartAsync(Door.InMemory, new CruxSimulatorOptions { TimeProvider = time });
        var sim = h.Simulator;
        sim.Faults.Latency = TimeSpan.FromSeconds(3);

        var first = h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);
        var waitedFirst = await time.AdvanceInStepsAsync(first, TimeSpan.FromSeconds(1), () => sim.RequestsReceived > 0);
        var second = h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);
        var waitedSecond = await time.AdvanceInStepsAsync(second, TimeSpan.FromSeconds(1), () => sim.RequestsReceived > 1);

        Assert.True(waitedFirst >= TimeSpan.FromSeconds(3));
        Assert.True(waitedSecond >= TimeSpan.FromSeconds(3));
        Assert.Equal(0, sim.Faults.InjectedCount(CruxFaultKind.Stall));
    }

    [Fact]
    public async Task SetRandomFaults_HalfRate_MixesKindsAndIsReproducible()
    {
        async Task<(List<string> Outcomes, CruxSimulator Sim)> RunAsync()
        {
            var sim = new CruxSimulator();
            sim.Faults.RandomStallDelay = TimeSpan.Zero;
            sim.Faults.SetRandomFaults(0.5, seed: 42);
            using var client = new HttpClient(sim.CreateHandler()) { BaseAddress = SimulatorHarness.InMemoryBaseAddress };
            var outcomes = new List<string>();
            for (var i = 0; i < 200; i++)
            {
                try
                {
                    using var response = await client.GetAsync("nowhere/");
                    outcomes.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                catch (HttpRequestException)
                {
                    outcomes.Add("drop");
                }
            }

            return (outcomes, sim);
        }

        var (first, sim) = await RunAsync();
        var (second, _) = await RunAsync();

        Assert.Equal(first, second);
        Assert.Contains("503", first);
        Assert.Contains("429", first);
        Assert.Contains("drop", first);
        Assert.InRange(first.Count(o => o != "404"), 40, 160);
        Assert.True(sim.Faults.InjectedCount(CruxFaultKind.Stall) > 0);
        var throttled = sim.Requests.First(r => r.ResponseStatus == (HttpStatusCode)429);
        Assert.Equal(CruxFaultKind.TooManyRequests, throttled.Fault);
    }

    [Fact]
    public async Task SetRandomFaults_OnlyServiceUnavailable_NeverDrops()
    {
        await using var h = await SimulatorHarness.StartAsync(Door.InMemory);
        h.Simulator.Faults.SetRandomFaults(1.0, 7, CruxFaultKind.ServiceUnavailable);

        using var response = await h.SendAsync(HttpMethod.Get, AllPermissions, h.Simulator.SupplierAdmin);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, h.Simulator.Faults.InjectedCount(CruxFaultKind.ServiceUnavailable));
    }

    [Fact]
    public void SetRandomFaults_StatusKind_Throws()
    {
        var sim = new CruxSimulator();

        Assert.Throws<ArgumentException>(() => sim.Faults.SetRandomFaults(0.1, 1, CruxFaultKind.Status));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Faults.SetRandomFaults(1.5, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Faults.FailNext(0, HttpStatusCode.BadGateway));
    }

    [Fact]
    public async Task Clear_AfterQueuedFaults_AnswersNormally()
    {
        await using var h = await SimulatorHarness.StartAsync(Door.InMemory);
        var sim = h.Simulator;
        sim.Faults.FailNext(5, HttpStatusCode.InternalServerError);
        sim.Faults.DropNext(5);
        sim.Faults.SetRandomFaults(1.0, 1);
        sim.Faults.RateLimit(1, TimeSpan.FromHours(1));

        sim.Faults.Clear();
        using var first = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);
        using var second = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task FailNext_ThenDropNext_AreTakenInQueueOrder()
    {
        await using var h = await SimulatorHarness.StartAsync(Door.InMemory);
        var sim = h.Simulator;
        sim.Faults.FailNext(1, HttpStatusCode.InternalServerError);
        sim.Faults.DropNext(1);

        using var first = await h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin);
        await Assert.ThrowsAsync<HttpRequestException>(() => h.SendAsync(HttpMethod.Get, AllPermissions, sim.SupplierAdmin));

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
    }
}
