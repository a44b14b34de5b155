using System.Net;
using System.Net.Sockets;
using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests.Resilience;

public class RetryTests
{
    // The handlers here answer at once, so the clock only ever has to reach retry waits (12 s at most): no step may be
    // long enough to reach an attempt timeout (20 s at least here), which stays armed while the client is busy.
    private static readonly TimeSpan MaxStep = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task RemovePermissionsAsync_TransientStatusThenSuccess_RetriesAndSucceeds(int status)
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time).Then((HttpStatusCode)status).Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler, time);

        var result = await time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep);

        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);
        Assert.Equal(2, handler.Calls);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(409)]
    [InlineData(415)]
    [InlineData(422)]
    [InlineData(501)]
    public async Task RemovePermissionsAsync_NonTransientStatus_IsNeverRetried(int status)
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time).Then((HttpStatusCode)status).Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler, time);

        var exception = await Assert.ThrowsAnyAsync<CruxApiException>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep));

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task RemovePermissionsAsync_AlwaysFailing_RetriesMaxRetriesTimesWithGrowingJitteredDelaysThenRaisesTheLastFailure()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time).Then(HttpStatusCode.ServiceUnavailable, "{\"detail\":\"down\"}");
        var client = Fixtures.Client(handler, time, o => o.Retry.MaxRetries = 4);

        var exception = await Assert.ThrowsAsync<CruxServerException>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep));

        Assert.Equal(5, handler.Calls);
        Assert.Equal("down", exception.Detail);

        // Equal jitter: each wait is between half and all of its step (1, 2, 4, 8 s), so each is at least the one before.
        IReadOnlyList<TimeSpan> waits = handler.Waits;
        Assert.Equal(4, waits.Count);
        for (int retry = 0; retry < waits.Count; retry++)
        {
            double step = Math.Pow(2, retry);
            Assert.InRange(waits[retry].TotalSeconds, step / 2, step);
            Assert.True(retry == 0 || waits[retry] >= waits[retry - 1], $"wait {retry} ({waits[retry]}) is shorter than the one before");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RemovePermissionsAsync_AlwaysFailing_WaitsBetweenHalfAndAllOfTheExponentialStepCappedByMaxDelay(int run)
    {
        // The jitter is random: each run (and each of its nine waits) is another sample of it.
        _ = run;
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time).Then(HttpStatusCode.BadGateway);
        var client = Fixtures.Client(handler, time, o =>
        {
            o.Retry.MaxRetries = 9;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(200);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(3);
        });

        await Assert.ThrowsAsync<CruxServerException>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep));

        IReadOnlyList<TimeSpan> waits = handler.Waits;
        Assert.Equal(9, waits.Count);
        for (int retry = 0; retry < waits.Count; retry++)
        {
            double step = Math.Min(200 * Math.Pow(2, retry), 3000);
            Assert.InRange(waits[retry].TotalMilliseconds, (step / 2) - 0.001, step + 0.001);
        }
    }

    [Fact]
    public async Task RemovePermissionsAsync_RetryAfterInSeconds_IsHonoured()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time)
            .Then((HttpStatusCode)429, null, r => r.Headers.TryAddWithoutValidation("Retry-After", "7"))
            .Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler, time);

        await time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep);

        Assert.Equal([TimeSpan.FromSeconds(7)], handler.Waits);
    }

    [Fact]
    public async Task RemovePermissionsAsync_RetryAfterAsHttpDate_IsHonouredAgainstTheInjectedClock()
    {
        var time = new SteppingTimeProvider();
        string date = (time.GetUtcNow() + TimeSpan.FromSeconds(12)).ToString("R");
        var handler = new ScriptedHandler(time)
            .Then(HttpStatusCode.ServiceUnavailable, null, r => r.Headers.TryAddWithoutValidation("Retry-After", date))
            .Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler, time);

        await time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep);

        Assert.Equal([TimeSpan.FromSeconds(12)], handler.Waits);
    }

    [Fact]
    public async Task RemovePermissionsAsync_RetryAfterLongerThanMaxDelay_IsCappedButTheExceptionKeepsTheServersValue()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time).Then((HttpStatusCode)429, null, r => r.Headers.TryAddWithoutValidation("Retry-After", "45"));
        var client = Fixtures.Client(handler, time, o =>
        {
            o.Retry.MaxRetries = 2;
            o.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        });

        var exception = await Assert.ThrowsAsync<CruxRateLimitException>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep));

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)], handler.Waits);
        Assert.Equal(TimeSpan.FromSeconds(45), exception.RetryAfter);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task RemovePermissionsAsync_RetryAfterBeyondTheOverallDeadline_FailsAtOnceWithTheTypedException()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time).Then((HttpStatusCode)429, null, r => r.Headers.TryAddWithoutValidation("Retry-After", "60"));
        var client = Fixtures.Client(handler, time, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(20);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(60);
        });

        var exception = await Assert.ThrowsAsync<CruxRateLimitException>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep));

        Assert.Equal(TimeSpan.FromSeconds(60), exception.RetryAfter);
        Assert.Equal(1, handler.Calls);
        Assert.Equal(TimeSpan.Zero, time.Elapsed);
    }

    [Fact]
    public async Task RemovePermissionsAsync_EveryAttempt_SendsByteIdenticalBodiesWithContentLength()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time)
            .Then(HttpStatusCode.BadGateway)
            .ThenThrow(new HttpRequestException("reset", new IOException("connection reset")))
            .Then(HttpStatusCode.GatewayTimeout)
            .Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler, time);

        await time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA, Fixtures.PermissionB]), MaxStep);

        Assert.Equal(4, handler.Requests.Count);
        byte[] first = handler.Requests[0].Body!;
        Assert.NotEmpty(first);
        Assert.All(handler.Requests, r =>
        {
            Assert.Equal(first, r.Body);
            Assert.Equal(first.Length, r.ContentLength);
            Assert.Equal("Token " + Fixtures.Token, r.Headers["Authorization"]);
        });
    }

    [Fact]
    public async Task RemovePermissionsAsync_ConnectionFailuresOnly_RaisesCruxConnectionExceptionWithTheHttpRequestExceptionInside()
    {
        var time = new SteppingTimeProvider();
        var inner = new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));
        var handler = new ScriptedHandler().ThenThrow(inner);
        var client = Fixtures.Client(handler, time);

        var exception = await Assert.ThrowsAsync<CruxConnectionException>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), MaxStep));

        // A redacted copy of the same type and message (transport text is server text); the socket's facts are kept as they are.
        var copy = Assert.IsType<HttpRequestException>(exception.InnerException);
        Assert.Equal(inner.Message, copy.Message);
        Assert.Same(inner.InnerException, copy.InnerException);
        Assert.Equal(4, handler.Calls);
        Assert.Contains("RemovePermissions DELETE /organizations/users/permissions/", exception.Message);
    }

    [Fact]
    public async Task RemovePermissionsAsync_RetriesOff_SendsOnce()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.ServiceUnavailable);
        var client = Fixtures.Client(handler, configure: o => o.Retry.MaxRetries = 0);

        await Assert.ThrowsAsync<CruxServerException>(() => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task GetAllPermissionsAsync_TransientThenSuccess_IsRetriedToo()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler(time).Then(HttpStatusCode.BadGateway, "<html>proxy</html>").Then(HttpStatusCode.OK, "[]");
        var client = Fixtures.Client(handler, time);

        var permissions = await time.DriveAsync(client.OrganizationUsers.GetAllPermissionsAsync(), MaxStep);

        Assert.Empty(permissions);
        Assert.Equal(2, handler.Calls);
    }
}
