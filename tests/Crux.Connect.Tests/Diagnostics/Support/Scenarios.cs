using System.Net;
using Microsoft.Extensions.Logging;
using Crux.Connect.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.Diagnostics.Support;

/// <summary>
/// The three calls every diagnostics test observes, on a client of its own host: a success, a success after one
/// 503 (Retry-After: 2, so the wait is exact) and a 404. Each attempt takes 150 ms of fake time.
/// </summary>
internal static class Scenarios
{
    public static readonly TimeSpan AttemptLatency = TimeSpan.FromMilliseconds(150);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    public static readonly Guid User = Guid.Parse("5de38a8e-800e-4cba-84c5-ee6c27f304d8");
    public static readonly Guid[] Permissions = [Guid.Parse("2a0295b6-dd74-4239-9988-24fcdb1adcea"), Guid.Parse("05a46c58-9d13-4912-9167-7effc2cc7482")];

    public static string Path => $"/organizations/users/permissions/{User:D}/";

    public static CruxClient Client(string host, FakeTimeProvider time, StubHandler handler, ILoggerFactory? loggers = null) =>
        new(new HttpClient(handler), new CruxClientOptions { ApiToken = Secrets.Token, BaseAddress = new Uri($"https://{host}/") }, loggers, time);

    public static async Task<RemovePermissionsResult> SucceedAsync(string host, ILoggerFactory? loggers = null)
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler((_, _, _) =>
        {
            time.Advance(AttemptLatency);
            return Task.FromResult(StubHandler.Answer(HttpStatusCode.NoContent));
        });
        return await Client(host, time, handler, loggers).OrganizationUsers.RemovePermissionsAsync(User, Permissions);
    }

    public static async Task<RemovePermissionsResult> SucceedAfterRetryAsync(string host, ILoggerFactory? loggers = null)
    {
        var time = new SteppingTimeProvider();
        var handler = new StubHandler((_, attempt, _) =>
        {
            time.Advance(AttemptLatency);
            return Task.FromResult(attempt == 1
                ? StubHandler.Answer(HttpStatusCode.ServiceUnavailable, """{"detail":"Try later."}""", retryAfter: "2")
                : StubHandler.Answer(HttpStatusCode.NoContent));
        });
        // The clock moves only by the handler's latency and to the retry wait: never as far as the 30 s attempt timeout.
        RemovePermissionsResult result = await time.DriveAsync(
            Client(host, time, handler, loggers).OrganizationUsers.RemovePermissionsAsync(User, Permissions), RetryDelay);
        Assert.Equal(2, handler.Attempts);
        return result;
    }

    public static async Task<CruxNotFoundException> FailAsync(string host, ILoggerFactory? loggers = null)
    {
        var time = new FakeTimeProvider();
        var handler = new StubHandler((_, _, _) =>
        {
            time.Advance(AttemptLatency);
            return Task.FromResult(StubHandler.Answer(HttpStatusCode.NotFound, """{"detail":"Not found."}"""));
        });
        return await Assert.ThrowsAsync<CruxNotFoundException>(
            () => Client(host, time, handler, loggers).OrganizationUsers.RemovePermissionsAsync(User, Permissions));
    }
}
