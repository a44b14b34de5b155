using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.Bulk;

/// <summary>
/// Issue 12: a bulk run is its users' calls of the public single-user methods, each with its own pipeline that owns
/// every retry; the run's shared 429 pause is expressed through those pipelines. Clients are built through the public
/// constructor only.
/// </summary>
public sealed class BulkOnePipelineTests
{
    private static readonly Guid PermissionA = Guid.Parse("6f1d1c3e-5f2a-4c55-9a53-8f2f3a0b7a11");
    private static readonly Guid PermissionB = Guid.Parse("0b8e7a52-91f5-4d0e-8c8e-2c3f4e5d6a7b");

    [Fact]
    public async Task BulkOnAMock_CallsTheOverriddenSingleUserMethods_OncePerDistinctUser()
    {
        var users = new RecordingUsers();
        Guid first = Guid.NewGuid();
        Guid second = Guid.NewGuid();

        CruxBulkResult<RemovePermissionsResult> removed = await users.RemovePermissionsFromUsersAsync(
            [first, second, first], [PermissionA, PermissionB, PermissionA]);
        CruxBulkResult<AddPermissionsResult> added = await users.AddPermissionsToUsersAsync([second], [PermissionB]);

        Assert.Equal(2, removed.Succeeded);
        Assert.Equal(1, added.Succeeded);
        Assert.Equal(
            new[] { $"DELETE {first} {PermissionA},{PermissionB}", $"DELETE {second} {PermissionA},{PermissionB}", $"PATCH {second} {PermissionB}" }.Order(),
            users.Calls.Order());
    }

    [Fact]
    public async Task RateLimitedThenSucceeded_LogsOneSuccessPerUserAndNoFailure()
    {
        int requests = 0;
        var handler = new Handler((_, _) => Task.FromResult(Interlocked.Increment(ref requests) == 1
            ? Answer((HttpStatusCode)429)
            : Answer(HttpStatusCode.NoContent)));
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        var client = new CruxClient(new HttpClient(handler), Options(o => o.Retry.BaseDelay = TimeSpan.Zero), loggerFactory, null);

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()], [PermissionA], new CruxBulkOptions { MaxConcurrency = 1 });

        Assert.Equal(3, result.Succeeded);
        Assert.Equal((1, 1, 1), (result.RateLimitedResponses, result.RateLimitPauses, result.Retries));
        IReadOnlyList<FakeLogRecord> records = logs.GetSnapshot();
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Warning);
        Assert.Equal(3, records.Count(r => r.Id.Name == "OperationSucceeded"));
        Assert.Equal(1, records.Count(r => r.Id.Name == "RetryScheduled"));
    }

    [Fact]
    public async Task RateLimitWithRetryAfter_NoRequestOfTheRunStartsBeforeThePausesProbe()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Guid rateLimited = Guid.NewGuid();
        Guid failing = Guid.NewGuid();
        Guid later = Guid.NewGuid();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = new ConcurrentQueue<(Guid User, DateTimeOffset At)>();
        int rateLimitedCalls = 0;
        int failingCalls = 0;
        DateTimeOffset pauseEnds = DateTimeOffset.MaxValue;
        var handler = new Handler(async (user, _) =>
        {
            sent.Enqueue((user, time.GetUtcNow()));
            if (user == rateLimited && Interlocked.Increment(ref rateLimitedCalls) == 1)
            {
                pauseEnds = time.GetUtcNow().AddSeconds(10);
                HttpResponseMessage tooMany = Answer((HttpStatusCode)429);
                tooMany.Headers.TryAddWithoutValidation("Retry-After", "10");
                return tooMany;
            }

            if (user == failing && Interlocked.Increment(ref failingCalls) == 1)
            {
                // Answered only once the 429 has paused the run: its own backoff is zero, so only the pause can hold its retry.
                await release.Task;
                return Answer(HttpStatusCode.ServiceUnavailable);
            }

            return Answer(HttpStatusCode.NoContent);
        });
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        var client = new CruxClient(new HttpClient(handler), Options(o => o.Retry.BaseDelay = TimeSpan.Zero), loggerFactory, time);

        Task<CruxBulkResult<RemovePermissionsResult>> run = client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            [rateLimited, failing, later], [PermissionA], new CruxBulkOptions { MaxConcurrency = 2 });
        await Until(() => logs.GetSnapshot().Any(r => r.Id.Name == "RetryScheduled"));
        DateTimeOffset rateLimitedAt = time.GetUtcNow();
        release.SetResult();
        await Pump(time, run);

        CruxBulkResult<RemovePermissionsResult> result = await run;
        Assert.Equal(3, result.Succeeded);
        Assert.Equal(2, result.Retries);
        Assert.Equal(1, result.RateLimitPauses);
        (Guid User, DateTimeOffset At)[] afterThePause = sent.Skip(2).ToArray();
        Assert.Equal(3, afterThePause.Length);
        // A whole-seconds Retry-After is an upper bound: one probe may go at a quarter of the pause (RateLimitGate); it was
        // answered, so the window is open again and everyone goes. Nothing went earlier than that probe.
        DateTimeOffset probeAt = pauseEnds.AddSeconds(-7.5);
        Assert.All(afterThePause, r => Assert.True(r.At >= probeAt, $"{r.User} was sent at {r.At:T}, before the pause's probe at {probeAt:T} (429 at {rateLimitedAt:T})"));
        Assert.True(afterThePause[0].At < pauseEnds);
    }

    [Fact]
    public async Task RateLimitRetriesInABulkRun_AreBoundedByTheUsersTimeout()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        int requests = 0;
        var handler = new Handler((_, _) =>
        {
            Interlocked.Increment(ref requests);
            HttpResponseMessage tooMany = Answer((HttpStatusCode)429);
            tooMany.Headers.TryAddWithoutValidation("Retry-After", "10");
            return Task.FromResult(tooMany);
        });
        var client = new CruxClient(new HttpClient(handler), Options(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(15);
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
        }), null, time);

        Task<CruxBulkResult<RemovePermissionsResult>> run = client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            [Guid.NewGuid()], [PermissionA], new CruxBulkOptions { MaxRateLimitRetries = 10 });
        await Pump(time, run);

        CruxBulkResult<RemovePermissionsResult> result = await run;
        var failure = Assert.IsType<CruxRateLimitException>(Assert.Single(result.Failures).Exception);
        Assert.Equal(TimeSpan.FromSeconds(10), failure.RetryAfter);
        // At most: 0 s and 10 s, and two probes of the first pause at 2.5 s and 5 s (not on the user's budget; a 429 to a
        // probe does not extend the pause); a retry at 20 s would pass the 15 s Timeout. Fewer when the pump's real-time
        // steps outran a loaded machine (a probe skipped): the bound is what this test pins.
        Assert.InRange(Volatile.Read(ref requests), 1, 4);
    }

    [Fact]
    public async Task RateLimitInABulkRun_TheProbesOfAPause_AreNotOnTheUsersBudget()
    {
        // A server that means "Retry-After: 10": 429 to everything for 10 s. The user's one 429 retry (the budget) is the
        // one at 10 s; the probes at 2.5 s and 5 s, answered 429, are the run's questions, not the user's failures.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        DateTimeOffset opens = time.GetUtcNow().AddSeconds(10);
        var sent = new ConcurrentQueue<TimeSpan>();
        var handler = new Handler((_, _) =>
        {
            sent.Enqueue(time.GetUtcNow() - opens.AddSeconds(-10));
            if (time.GetUtcNow() >= opens)
            {
                return Task.FromResult(Answer(HttpStatusCode.NoContent));
            }

            HttpResponseMessage tooMany = Answer((HttpStatusCode)429);
            tooMany.Headers.TryAddWithoutValidation("Retry-After", "10");
            return Task.FromResult(tooMany);
        });
        var client = new CruxClient(new HttpClient(handler), Options(o => o.Retry.BaseDelay = TimeSpan.Zero), null, time);

        Task<CruxBulkResult<RemovePermissionsResult>> run = client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            [Guid.NewGuid()], [PermissionA], new CruxBulkOptions { MaxRateLimitRetries = 1 });
        await Pump(time, run, TimeSpan.FromMilliseconds(250));

        // The user's budget is one 429 retry, yet it succeeds after the first 429 and the probes' 429s: the probes (at least
        // one, due a quarter into the pause) are the run's questions. The clock moves in 250 ms steps after a real-time
        // yield, so on a loaded machine a request may go a step late; the order and the lower bounds hold at any speed.
        CruxBulkResult<RemovePermissionsResult> result = await run;
        Assert.Equal(1, result.Succeeded);
        double[] at = [.. sent.Select(t => t.TotalSeconds)];
        string seen = string.Join(", ", at);
        Assert.True(at.Length >= 3, $"no probe went during the pause: {seen}");
        Assert.True(at[1] - at[0] >= 2.5, $"the first probe went before a quarter of the pause: {seen}");
        Assert.True(at[^1] - at[0] >= 10, $"the user's retry went before the pause was over: {seen}");
        Assert.Equal(at.Length - 1, result.RateLimitedResponses);
        Assert.Equal(1, result.RateLimitPauses);
    }

    [Fact]
    public async Task RateLimitInABulkRun_IsRetriedEvenWhenMaxRetriesIsZero_WithinMaxRateLimitRetries()
    {
        int requests = 0;
        var handler = new Handler((_, _) => Task.FromResult(Interlocked.Increment(ref requests) <= 2
            ? Answer((HttpStatusCode)429)
            : Answer(HttpStatusCode.NoContent)));
        var client = new CruxClient(new HttpClient(handler), Options(o =>
        {
            o.Retry.MaxRetries = 0;
            o.Retry.BaseDelay = TimeSpan.Zero;
        }));

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            [Guid.NewGuid()], [PermissionA], new CruxBulkOptions { MaxRateLimitRetries = 2 });

        Assert.Equal(1, result.Succeeded);
        Assert.Equal(3, Volatile.Read(ref requests));
        Assert.Equal(2, result.RateLimitedResponses);
    }

    [Fact]
    public async Task LoginAnswered429InABulkRun_EndsThatUsersCall_AndIsCountedOnce()
    {
        int logins = 0;
        var handler = new LoginHandler(() => Interlocked.Increment(ref logins) == 1
            ? Answer((HttpStatusCode)429)
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"auth_token":"fresh-bulk-token-0123456789"}""", Encoding.UTF8, "application/json") });
        var client = new CruxClient(new HttpClient(handler), new CruxClientOptions
        {
            Credentials = new CruxCredentials("bulk@example.com", "bulk-password"),
            BaseAddress = new Uri("https://crux.example/"),
            Retry = { BaseDelay = TimeSpan.Zero },
        });

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            [Guid.NewGuid(), Guid.NewGuid()], [PermissionA], new CruxBulkOptions { MaxConcurrency = 1 });

        Assert.IsType<CruxRateLimitException>(Assert.Single(result.Failures).Exception);
        Assert.Equal(1, result.Succeeded);
        Assert.Equal(1, result.RateLimitedResponses);
        Assert.Equal(1, result.RateLimitPauses);
        Assert.Equal(2, Volatile.Read(ref logins));
    }

    [Fact]
    public async Task AfterABulkRun_TheCallersOwnCallsAreNotInItsGroup()
    {
        int requests = 0;
        var handler = new Handler((_, _) => Task.FromResult(Interlocked.Increment(ref requests) == 1
            ? Answer(HttpStatusCode.NoContent)
            : Answer((HttpStatusCode)429)));
        var client = new CruxClient(new HttpClient(handler), Options(o =>
        {
            o.Retry.MaxRetries = 0;
            o.Retry.BaseDelay = TimeSpan.Zero;
        }));

        // Awaited here, in the test method, so anything the run left in the caller's context would reach the next call.
        await client.OrganizationUsers.RemovePermissionsFromUsersAsync([Guid.NewGuid()], [PermissionA], new CruxBulkOptions { MaxRateLimitRetries = 5 });
        await Assert.ThrowsAsync<CruxRateLimitException>(() => client.OrganizationUsers.RemovePermissionsAsync(Guid.NewGuid(), [PermissionA]));

        Assert.Equal(2, Volatile.Read(ref requests)); // the single call's 429 is not retried: MaxRetries is 0 outside a run
    }

    private static CruxClientOptions Options(Action<CruxClientOptions> configure)
    {
        var options = new CruxClientOptions { ApiToken = "bulk-test-token", BaseAddress = new Uri("https://crux.example/") };
        configure(options);
        return options;
    }

    private static HttpResponseMessage Answer(HttpStatusCode status) =>
        new(status) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };

    /// <summary>Moves the fake clock a second at a time, letting the client run in between, until the run ends (at most 120 fake seconds).</summary>
    private static Task Pump(FakeTimeProvider time, Task run) => Pump(time, run, TimeSpan.FromSeconds(1));

    private static async Task Pump(FakeTimeProvider time, Task run, TimeSpan step)
    {
        for (int i = 0; i < 120 * TimeSpan.FromSeconds(1).Ticks / step.Ticks && !run.IsCompleted; i++)
        {
            await Task.Delay(20);
            time.Advance(step);
        }

        Assert.True(run.IsCompleted, "the bulk run did not end");
    }

    private static async Task Until(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the expected state was not reached");
    }

    /// <summary>A server that answers by the user the request is for (the path's last segment).</summary>
    private sealed class Handler(Func<Guid, HttpRequestMessage, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string[] segments = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            HttpResponseMessage response = await answer(Guid.Parse(segments[^1]), request);
            response.RequestMessage = request;
            return response;
        }
    }

    /// <summary>Answers the login from <c>login</c> and every change with 204.</summary>
    private sealed class LoginHandler(Func<HttpResponseMessage> login) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = request.RequestUri!.AbsolutePath.EndsWith("/user-login/", StringComparison.Ordinal)
                ? login()
                : new HttpResponseMessage(HttpStatusCode.NoContent);
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }

    /// <summary>A client created for mocking, overriding the two single-user changes.</summary>
    private sealed class RecordingUsers : OrganizationUsersClient
    {
        private readonly ConcurrentQueue<string> _calls = new();

        public IReadOnlyCollection<string> Calls => _calls;

        public override Task<RemovePermissionsResult> RemovePermissionsAsync(Guid userUuid, IEnumerable<Guid> permissionUuids, CancellationToken cancellationToken = default)
        {
            Guid[] uuids = permissionUuids.ToArray();
            _calls.Enqueue($"DELETE {userUuid} {string.Join(",", uuids)}");
            return Task.FromResult(CruxModelFactory.RemovePermissionsResult(userUuid, uuids, HttpStatusCode.NoContent));
        }

        public override Task<AddPermissionsResult> AddPermissionsAsync(Guid userUuid, IEnumerable<Guid> permissionUuids, CancellationToken cancellationToken = default)
        {
            Guid[] uuids = permissionUuids.ToArray();
            _calls.Enqueue($"PATCH {userUuid} {string.Join(",", uuids)}");
            return Task.FromResult(CruxModelFactory.AddPermissionsResult(userUuid, uuids, HttpStatusCode.NoContent));
        }
    }
}
