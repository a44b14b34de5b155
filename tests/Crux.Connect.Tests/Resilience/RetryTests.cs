using System.Net;
using System.Net.Sockets;
using Crux.Connect.Internal;
using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests.Resilience;

public class RetryTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(100);

    // Move the clock only to retry waits, never to the timeouts: the handlers here answer at once.
    private static bool DelaysOnly(TimeSpan due) => due != AttemptTimeout && due != TotalTimeout;

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
        var handler = new ScriptedHandler().Then((HttpStatusCode)status).Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler, time);

        var result = await time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), DelaysOnly);

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
        var handler = new ScriptedHandler().Then((HttpStatusCode)status).Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler, time);

        var exception = await Assert.ThrowsAnyAsync<CruxApiException>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), DelaysOnly));

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task RemovePermissionsAsync_AlwaysFailing_RetriesMaxRetriesTimesWithGrowingJitteredDelaysThenRaisesTheLastFailure()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler().Then(HttpStatusCode.ServiceUnavailable, "{\"detail\":\"down\"}");
        var client = Fixtures.Client(handler, time, o => o.Retry.MaxRetries = 4, jitter: 1.0);

        var exception = await Assert.ThrowsAsync<CruxServerException>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), DelaysOnly));

        Assert.Equal(5, handler.Calls);
        Assert.Equal("down", exception.Detail);
        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)],
            time.CreatedTimers.Where(DelaysOnly));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.37)]
    [InlineData(0.999)]
    public void ComputeDelay_Jitter_StaysBetweenHalfAndAllOfTheExponentialStepCappedByMaxDelay(double jitter)
    {
        var settings = CruxClientSettings.Create(Fixtures.Options(o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(200);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(3);
        }), "options");

        for (int attempt = 0; attempt < 10; attempt++)
        {
            double step = Math.Min(200 * Math.Pow(2, attempt), 3000);
            TimeSpan delay = CruxResilience.ComputeDelay(attempt, null, settings, jitter);
            Assert.InRange(delay.TotalMilliseconds, (step / 2) - 0.001, step + 0.001);
        }
    }

    [Fact]
    public async Task RemovePermissionsAsync_RetryAfterInSeconds_IsHonoured()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler()
            .Then((HttpStatusCode)429, null, r => r.Headers.TryAddWithoutValidation("Retry-After", "7"))
            .Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler, time);

        await time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), DelaysOnly);

        Assert.Equal([TimeSpan.FromSeconds(7)], time.CreatedTimers.Where(DelaysOnly));
    }

    [Fact]
    public async Task RemovePermissionsAsync_RetryAfterAsHttpDate_IsHonouredAgainstTheInjectedClock()
    {
        var time = new SteppingTimeProvider();
        string date = (time.GetUtcNow() + TimeSpan.FromSeconds(12)).ToString("R");
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.ServiceUnavailable, null, r => r.Headers.TryAddWithoutValidation("Retry-After", date))
            .Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler, time);

        await time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), DelaysOnly);

        Assert.Equal([TimeSpan.FromSeconds(12)], time.CreatedTimers.Where(DelaysOnly));
    }

    [Fact]
    public async Task RemovePermissionsAsync_RetryAfterLongerThanMaxDelay_IsCappedButTheExceptionKeepsTheServersValue()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler().Then((HttpStatusCode)429, null, r => r.Headers.TryAddWithoutValidation("Retry-After", "45"));
        var client = Fixtures.Client(handler, time, o =>
        {
            o.Retry.MaxRetries = 2;
            o.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        });

        var exception = await Assert.ThrowsAsync<CruxRateLimitException>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), DelaysOnly));

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)], time.CreatedTimers.Where(DelaysOnly));
        Assert.Equal(TimeSpan.FromSeconds(45), exception.RetryAfter);
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task RemovePermissionsAsync_RetryAfterBeyondTheOverallDeadline_FailsAtOnceWithTheTypedException()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler().Then((HttpStatusCode)429, null, r => r.Headers.TryAddWithoutValidation("Retry-After", "60"));
        var client = Fixtures.Client(handler, time, o =>
        {
            o.Timeout = TimeSpan.FromSeconds(20);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(60);
        });

        var exception = await Assert.ThrowsAsync<CruxRateLimitException>(
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), DelaysOnly));

        Assert.Equal(TimeSpan.FromSeconds(60), exception.RetryAfter);
        Assert.Equal(1, handler.Calls);
        Assert.Equal(TimeSpan.Zero, time.GetUtcNow() - new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task RemovePermissionsAsync_EveryAttempt_SendsByteIdenticalBodiesWithContentLength()
    {
        var time = new SteppingTimeProvider();
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.BadGateway)
            .ThenThrow(new HttpRequestException("reset", new IOException("connection reset")))
            .Then(HttpStatusCode.GatewayTimeout)
            .Then(HttpStatusCode.NoContent);
        var client = Fixtures.Client(handler, time);

        await time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA, Fixtures.PermissionB]), DelaysOnly);

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
            () => time.DriveAsync(client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]), DelaysOnly));

        Assert.Same(inner, exception.InnerException);
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
        var handler = new ScriptedHandler().Then(HttpStatusCode.BadGateway, "<html>proxy</html>").Then(HttpStatusCode.OK, "[]");
        var client = Fixtures.Client(handler, time);

        var permissions = await time.DriveAsync(client.OrganizationUsers.GetAllPermissionsAsync(), DelaysOnly);

        Assert.Empty(permissions);
        Assert.Equal(2, handler.Calls);
    }
}
