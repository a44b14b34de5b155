using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests.Bulk;

/// <summary>
/// Regression (issue 12): a bulk run's retries and the pipeline's used to multiply, so a refused connection was tried
/// (MaxRetries + 1)² times per user. Each user's change is one call whose pipeline owns every retry; the runner has none.
/// </summary>
public class BulkRetryLayerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task RemovePermissionsFromUsersAsync_RefusedConnection_IsTriedMaxRetriesPlusOneTimesNotSquared(int maxRetries)
    {
        int calls = 0;
        var server = new RoutingHandler((Func<SeenRequest, HttpResponseMessage>)(_ =>
        {
            Interlocked.Increment(ref calls);
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));
        }));
        CruxClient client = Fixtures.Client(server, configure: o =>
        {
            o.Retry.MaxRetries = maxRetries;
            o.Retry.BaseDelay = TimeSpan.Zero;
        });

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            [Guid.NewGuid()], [Fixtures.PermissionA], new CruxBulkOptions { MaxConcurrency = 1 });

        Assert.IsType<CruxConnectionException>(Assert.Single(result.Failures).Exception);
        Assert.Equal(maxRetries + 1, Volatile.Read(ref calls));
    }
}
