using System.Collections.Concurrent;
using System.Net;
using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests.Bulk;

public class BulkTests
{
    private static Guid[] Users(int count) => Enumerable.Range(1, count).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();

    private static string UserOf(SeenRequest r) => r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];

    private sealed class RecordingProgress : IProgress<CruxBulkProgress>
    {
        public ConcurrentQueue<CruxBulkProgress> Reports { get; } = new();

        public void Report(CruxBulkProgress value) => Reports.Enqueue(value);
    }

    [Fact]
    public async Task RemovePermissionsFromUsersAsync_SomeUsersFail_EveryUserGetsAnOutcomeInOrder()
    {
        Guid[] users = Users(20);
        var missing = new HashSet<string> { users[3].ToString("D"), users[17].ToString("D") };
        var server = new RoutingHandler(r => missing.Contains(UserOf(r))
            ? RoutingHandler.Json("""{"detail":"Not found."}""", HttpStatusCode.NotFound)
            : new HttpResponseMessage(HttpStatusCode.NoContent));
        CruxClient client = Fixtures.Client(server);
        var progress = new RecordingProgress();

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            users, [Fixtures.PermissionA], new CruxBulkOptions { MaxConcurrency = 3 }, progress);

        Assert.Equal(users, result.Outcomes.Select(o => o.UserUuid));
        Assert.Equal(18, result.Succeeded);
        Assert.Equal([users[3], users[17]], result.Failures.Select(f => f.UserUuid));
        Assert.All(result.Failures, f => Assert.IsType<CruxNotFoundException>(f.Exception));
        Assert.All(result.Outcomes.Where(o => o.IsSuccess), o => Assert.Equal([Fixtures.PermissionA], o.Result!.PermissionUuids));
        Assert.Equal(20, server.Requests.Count);

        CruxBulkProgress[] reports = progress.Reports.ToArray();
        Assert.Equal(21, reports.Length);
        Assert.Equal(Enumerable.Range(0, 21), reports.Select(p => p.Completed));
        Assert.Equal(2, reports[^1].Failed);
        Assert.All(reports, p => Assert.Equal(20, p.Total));
    }

    [Fact]
    public async Task RemovePermissionsFromUsersAsync_MaxConcurrency_IsNeverExceeded()
    {
        int inFlight = 0;
        int maxInFlight = 0;
        var server = new RoutingHandler(async r =>
        {
            int now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            await Task.Yield();
            Interlocked.Decrement(ref inFlight);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        CruxClient client = Fixtures.Client(server);

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            Users(200), [Fixtures.PermissionA], new CruxBulkOptions { MaxConcurrency = 3 });

        Assert.Equal(200, result.Succeeded);
        Assert.InRange(maxInFlight, 1, 3);
    }

    [Fact]
    public async Task RemovePermissionsFromUsersAsync_TransientFailure_IsRetriedForThatUserOnly()
    {
        int calls = 0;
        var server = new RoutingHandler(r => Interlocked.Increment(ref calls) == 1
            ? RoutingHandler.Json("""{"detail":"down"}""", HttpStatusCode.ServiceUnavailable)
            : new HttpResponseMessage(HttpStatusCode.NoContent));
        CruxClient client = Fixtures.Client(server, configure: o => o.Retry.BaseDelay = TimeSpan.Zero);

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            Users(5), [Fixtures.PermissionA], new CruxBulkOptions { MaxConcurrency = 1 });

        Assert.Equal(5, result.Succeeded);
        Assert.Equal(1, result.Retries);
        Assert.Equal(6, server.Requests.Count);
    }

    [Fact]
    public async Task RemovePermissionsFromUsersAsync_RateLimited_PausesAndRetriesTheUser()
    {
        int calls = 0;
        var server = new RoutingHandler(r => Interlocked.Increment(ref calls) == 2
            ? RoutingHandler.Json("""{"detail":"Request was throttled."}""", (HttpStatusCode)429)
            : new HttpResponseMessage(HttpStatusCode.NoContent));

        // Retry-After absent and BaseDelay zero: the pause is immediate, so the test needs no clock.
        CruxClient client = Fixtures.Client(server, configure: o => o.Retry.BaseDelay = TimeSpan.Zero);

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            Users(4), [Fixtures.PermissionA], new CruxBulkOptions { MaxConcurrency = 1 });

        Assert.Equal(4, result.Succeeded);
        Assert.Equal(1, result.RateLimitedResponses);
        Assert.Equal(1, result.RateLimitPauses);
        Assert.Equal(1, result.Retries);
        Assert.Equal(5, server.Requests.Count);
    }

    [Fact]
    public async Task RemovePermissionsFromUsersAsync_RateLimitRetriesExhausted_RecordsTheRateLimitException()
    {
        var server = new RoutingHandler(r => RoutingHandler.Json("""{"detail":"slow down"}""", (HttpStatusCode)429));
        CruxClient client = Fixtures.Client(server, configure: o => o.Retry.BaseDelay = TimeSpan.Zero);

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            Users(1), [Fixtures.PermissionA], new CruxBulkOptions { MaxRateLimitRetries = 2 });

        Assert.True(Assert.Single(result.Failures).Exception is CruxRateLimitException, Assert.Single(result.Failures).Exception!.ToString());
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task RemovePermissionsFromUsersAsync_Cancelled_StopsNewWorkAndSaysWhatWasNotDone()
    {
        Guid[] users = Users(100);
        using var cts = new CancellationTokenSource();
        int calls = 0;
        var server = new RoutingHandler(r =>
        {
            if (Interlocked.Increment(ref calls) == 10)
            {
                cts.Cancel();
            }

            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        CruxClient client = Fixtures.Client(server);
        var progress = new RecordingProgress();

        var exception = await Assert.ThrowsAsync<CruxBulkCanceledException>(() => client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            users, [Fixtures.PermissionA], new CruxBulkOptions { MaxConcurrency = 2 }, progress, cts.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(exception);
        Assert.Equal(cts.Token, exception.CancellationToken);
        Assert.Equal(100, exception.Progress.Completed + exception.PendingUserUuids.Count);
        Assert.InRange(server.Requests.Count, 10, 11);
        Assert.Equal(exception.Progress.Completed, progress.Reports.Last().Completed);
        Assert.Equal(users.Skip(users.Length - 80), exception.PendingUserUuids.Skip(exception.PendingUserUuids.Count - 80));
    }

    [Fact]
    public async Task RemovePermissionsFromUsersAsync_DuplicateUsers_AreChangedOnce()
    {
        var server = new RoutingHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        CruxClient client = Fixtures.Client(server);
        Guid[] users = Users(2);

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            [users[0], users[1], users[0]], [Fixtures.PermissionA]);

        Assert.Equal(users, result.Outcomes.Select(o => o.UserUuid));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task RemovePermissionsFromUsersAsync_NoUsers_ReturnsAnEmptyResultWithoutRequests()
    {
        var server = new RoutingHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        CruxClient client = Fixtures.Client(server);

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync([], [Fixtures.PermissionA]);

        Assert.Empty(result.Outcomes);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RemovePermissionsFromUsersAsync_BadInput_ThrowsBeforeAnyRequest()
    {
        var server = new RoutingHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        OrganizationUsersClient users = Fixtures.Client(server).OrganizationUsers;

        Assert.Equal("userUuids", (await Assert.ThrowsAsync<ArgumentException>(() => users.RemovePermissionsFromUsersAsync([Guid.Empty], [Fixtures.PermissionA]))).ParamName);
        Assert.Equal("userUuids", (await Assert.ThrowsAsync<ArgumentNullException>(() => users.RemovePermissionsFromUsersAsync(null!, [Fixtures.PermissionA]))).ParamName);
        Assert.Equal("permissionUuids", (await Assert.ThrowsAsync<ArgumentException>(() => users.RemovePermissionsFromUsersAsync(Users(1), Array.Empty<Guid>()))).ParamName);
        var options = await Assert.ThrowsAsync<ArgumentException>(() => users.RemovePermissionsFromUsersAsync(
            Users(1), [Fixtures.PermissionA], new CruxBulkOptions { MaxConcurrency = 0, MaxRateLimitRetries = -1 }));
        Assert.Equal("options", options.ParamName);
        Assert.Contains("MaxConcurrency", options.Message);
        Assert.Contains("MaxRateLimitRetries", options.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task RemovePermissionsFromUsersAsync_UnknownName_ThrowsAndRemovesNothing()
    {
        var server = new RoutingHandler(r => r.Method == "GET"
            ? RoutingHandler.Json(RoutingHandler.Catalog((Fixtures.PermissionA, CruxPermissionNames.EditOrgUsers)))
            : new HttpResponseMessage(HttpStatusCode.NoContent));
        OrganizationUsersClient users = Fixtures.Client(server).OrganizationUsers;

        var exception = await Assert.ThrowsAsync<CruxUnknownPermissionException>(() => users.RemovePermissionsFromUsersAsync(Users(3), ["edit_org_userz"]));
        Assert.Equal(["edit_org_userz"], exception.UnknownNames);

        Assert.Equal("permissionNames", exception.ParamName);
        Assert.Equal(0, server.Count("DELETE", "/"));
    }

    [Fact]
    public async Task AddPermissionsToUsersAsync_Names_AddsToEveryUser()
    {
        var server = new RoutingHandler(r => r.Method == "GET"
            ? RoutingHandler.Json(RoutingHandler.Catalog((Fixtures.PermissionB, CruxPermissionNames.ViewOrder)))
            : new HttpResponseMessage(HttpStatusCode.OK));
        OrganizationUsersClient users = Fixtures.Client(server).OrganizationUsers;

        CruxBulkResult<AddPermissionsResult> result = await users.AddPermissionsToUsersAsync(Users(5), [CruxPermissionNames.ViewOrder]);

        Assert.Equal(5, result.Succeeded);
        Assert.Equal(5, server.Count("PATCH", "/"));
        Assert.All(result.Outcomes, o => Assert.Equal(HttpStatusCode.OK, o.Result!.StatusCode));
    }

    [Fact]
    public void CruxBulkOutcome_BothOrNeither_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CruxBulkOutcome<RemovePermissionsResult>(Guid.NewGuid(), null, null));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
