using System.Diagnostics;
using System.Net;
using Crux.Connect.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.Resilience;

public class TimeoutTests
{
    // The clock may jump as far as a timeout only while an attempt is deliberately stalled; otherwise it moves at most
    // this far at once (past every retry wait here, short of every timeout), so a slow machine cannot see a timeout
    // fire between two steps that would have completed in time.
    private static readonly TimeSpan MaxStep = TimeSpan.FromSeconds(2);

    private static Func<bool> WhileStalled(ScriptedHandler handler) => () => handler.Stalled > 0;

    [Fact]
    public async Task RemovePermissionsAsync_AttemptStalls_IsAbandonedAtAttemptTimeoutAndRetried()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time).ThenStall().Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler, time, o => o.AttemptTimeout = TimeSpan.FromSeconds(5));

        var result = await time.DriveAsync(
            client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]),
            MaxStep,
            WhileStalled(handler));

        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Equal(2, handler.Calls);

        // Abandoned at the 5 s attempt timeout, then the first retry wait (0.5 to 1 s with a 1 s base delay).
        Assert.InRange(Assert.Single(handler.Waits).TotalSeconds, 5.5, 6);
    }

    [Fact]
    public async Task RemovePermissionsAsync_EveryAttemptStalls_RaisesCruxTimeoutExceptionWithinTheOverallTimeout()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler().ThenStall();
        var client = Fixtures.Client(handler, time, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(30);
            o.Timeout = TimeSpan.FromSeconds(50);
        });

        var exception = await Assert.ThrowsAsync<CruxTimeoutException>(
            () => time.DriveAsync(
                client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]),
                MaxStep,
                WhileStalled(handler)));

        Assert.True(time.Elapsed <= TimeSpan.FromSeconds(50), $"took {time.Elapsed}");
        Assert.Equal(2, handler.Calls);
        Assert.Contains("overall timeout", exception.Message);
        Assert.Contains("RemovePermissions DELETE", exception.Message);
    }

    [Fact]
    public async Task RemovePermissionsAsync_LastAttemptStallsWithRetriesOff_RaisesCruxTimeoutExceptionNamingTheAttemptTimeout()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler().ThenStall();
        var client = Fixtures.Client(handler, time, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(3);
            o.Retry.MaxRetries = 0;
        });

        var exception = await Assert.ThrowsAsync<CruxTimeoutException>(
            () => time.DriveAsync(
                client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]),
                MaxStep,
                WhileStalled(handler)));

        Assert.Contains("attempt timeout", exception.Message);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task RemovePermissionsAsync_CallerCancelsDuringAnAttempt_RaisesOperationCanceledPromptly()
    {
        var handler = new ScriptedHandler().ThenStall();
        var client = Fixtures.Client(handler);
        using var cts = new CancellationTokenSource();

        Task call = client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA], cts.Token);
        while (handler.Stalled == 0)
        {
            await Task.Yield();
        }

        var watch = Stopwatch.StartNew();
        cts.Cancel();
        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.IsNotType<CruxTimeoutException>(exception);
        Assert.Equal(cts.Token, exception.CancellationToken);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "cancellation is prompt");
    }

    [Fact]
    public async Task RemovePermissionsAsync_CallerCancelsDuringARetryWait_RaisesOperationCanceledAndSendsNoMore()
    {
        // The clock never moves, so once the client has said it will retry (log 120, RetryScheduled) it is waiting.
        var time = new FakeTimeProvider();
        var handler = new ScriptedHandler().Then(HttpStatusCode.ServiceUnavailable);
        using var logs = new FakeLoggerProvider();
        using ILoggerFactory loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var client = new CruxClient(new HttpClient(handler), Fixtures.Options(), loggerFactory, time);
        using var cts = new CancellationTokenSource();

        Task call = client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA], cts.Token);
        var watch = Stopwatch.StartNew();
        while (!logs.Collector.GetSnapshot().Any(r => r.Id.Id == 120) && !call.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(1);
        }

        Assert.False(call.IsCompleted, "the client waits on the clock before it retries");
        cts.Cancel();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cts.Token, exception.CancellationToken);
        Assert.Equal(1, handler.Calls);
        Assert.Equal(TimeSpan.Zero, time.GetUtcNow() - time.Start);
    }

    [Fact]
    public async Task RemovePermissionsAsync_InjectedHttpClientTimeoutFires_IsACruxTimeoutNotABareTaskCanceled()
    {
        var handler = new ScriptedHandler().ThenStall();
        var client = new CruxClient(new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(50) }, Fixtures.Options(o => o.Retry.MaxRetries = 0));

        var exception = await Assert.ThrowsAsync<CruxTimeoutException>(() => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.Contains("HttpClient.Timeout", exception.Message);
    }

    [Fact]
    public async Task RemovePermissionsAsync_InjectedHttpClientTimeoutFiresOnce_IsRetriedLikeAnAttemptTimeout()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler()
            .Then((_, _) => Task.FromException<HttpResponseMessage>(new TaskCanceledException("HttpClient.Timeout", new TimeoutException())))
            .Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler, time);

        var result = await time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep);

        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Equal(2, handler.Calls);
    }
}
