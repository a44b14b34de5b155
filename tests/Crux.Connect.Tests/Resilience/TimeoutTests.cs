using System.Diagnostics;
using System.Net;
using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests.Resilience;

public class TimeoutTests
{
    // The clock may jump to a timeout only while an attempt is deliberately stalled; otherwise a slow
    // machine could see a timeout fire between two steps that would have completed in time.
    private static Func<TimeSpan, bool> WhileStalled(ScriptedHandler handler, params TimeSpan[] timeouts) =>
        due => handler.Stalled > 0 || !timeouts.Contains(due);

    [Fact]
    public async Task RemovePermissionsAsync_AttemptStalls_IsAbandonedAtAttemptTimeoutAndRetried()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler().ThenStall().Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler, time, o => o.AttemptTimeout = TimeSpan.FromSeconds(5));

        var result = await time.DriveAsync(
            client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]),
            WhileStalled(handler, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(100)));

        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Equal(2, handler.Calls);
    }

    [Fact]
    public async Task RemovePermissionsAsync_EveryAttemptStalls_RaisesCruxTimeoutExceptionWithinTheOverallTimeout()
    {
        var time = new SteppingTimeProvider();
        DateTimeOffset start = time.GetUtcNow();
        var handler = new ScriptedHandler().ThenStall();
        var client = Fixtures.Client(handler, time, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(30);
            o.Timeout = TimeSpan.FromSeconds(50);
        });

        var exception = await Assert.ThrowsAsync<CruxTimeoutException>(
            () => time.DriveAsync(
                client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]),
                WhileStalled(handler, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(50))));

        Assert.True(time.GetUtcNow() - start <= TimeSpan.FromSeconds(50), $"took {time.GetUtcNow() - start}");
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
                WhileStalled(handler, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(100))));

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
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler().Then(HttpStatusCode.ServiceUnavailable);
        var client = Fixtures.Client(handler, time);
        using var cts = new CancellationTokenSource();

        Task call = client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA], cts.Token);
        while (!time.CreatedTimers.Any(t => t == TimeSpan.FromSeconds(0.75)))
        {
            await Task.Yield();
        }

        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task RemovePermissionsAsync_InjectedHttpClientTimeoutFires_IsACruxTimeoutNotABareTaskCanceled()
    {
        var handler = new ScriptedHandler().ThenStall();
        var settings = Crux.Connect.Internal.CruxClientSettings.Create(Fixtures.Options(o => o.Retry.MaxRetries = 0), "options");
        var core = new Crux.Connect.Internal.CruxClientCore(settings, null, null);
        var client = new CruxClient(new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(50) }, core);

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

        var result = await time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), d => d < TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Equal(2, handler.Calls);
    }
}
