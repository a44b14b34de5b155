using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Crux.Connect.IntegrationTests.Faults;

/// <summary>
/// The body of a DELETE (and of the add PATCH) crosses a real socket with a Content-Length and exactly the documented
/// bytes on every attempt: after a 503, after a connection reset and after a 429. A minimal Kestrel app started here,
/// not the simulator, receives it, so nothing of ours sits between the socket and the assertion.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class DeleteBodyOverSocketTests
{
    private static readonly Guid User = Guid.Parse("0C1D5E2A-7F3B-4A69-9D8E-1B2C3D4E5F60");
    private static readonly Guid ViewOrgUsers = Guid.Parse("5B7906FD-23DD-4FE1-8E50-778819D145AD");
    private static readonly Guid EditOrgUsers = Guid.Parse("8A0E7C1D-2B3F-4E5A-9C6D-7E8F9A0B1C2D");

    // Written out by hand: lowercase, hyphenated, duplicates removed, order kept, no whitespace.
    private const string ExpectedBody =
        """{"permission_uuids":["5b7906fd-23dd-4fe1-8e50-778819d145ad","8a0e7c1d-2b3f-4e5a-9c6d-7e8f9a0b1c2d"]}""";

    [Theory]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task PermissionsChange_RetriedAfter503ResetAnd429_EveryAttemptCarriesTheExactBodyWithContentLength(string method)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new ConcurrentQueue<(string Method, string Path, long? ContentLength, string TransferEncoding, byte[] Body)>();
        int calls = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            received.Enqueue((context.Request.Method, context.Request.Path.Value!, context.Request.ContentLength,
                context.Request.Headers.TransferEncoding.ToString(), buffer.ToArray()));
            switch (Interlocked.Increment(ref calls))
            {
                case 1:
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                case 2:
                    context.Abort();
                    return;
                case 3:
                    context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                default:
                    context.Response.StatusCode = method == "DELETE" ? StatusCodes.Status204NoContent : StatusCodes.Status200OK;
                    return;
            }
        });

        using var httpClient = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var options = new CruxClientOptions { BaseAddress = server.BaseAddress, ApiToken = "socket-token", AttemptTimeout = TimeSpan.FromSeconds(5) };
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);

        // The cap keeps the test short: the server asks for 1 s, MaxDelay allows 50 ms.
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        var users = new CruxClient(httpClient, options).OrganizationUsers;
        Guid[] permissions = [ViewOrgUsers, EditOrgUsers, ViewOrgUsers];

        HttpStatusCode status = method == "DELETE"
            ? (await users.RemovePermissionsAsync(User, permissions, deadline.Token)).StatusCode
            : (await users.AddPermissionsAsync(User, permissions, deadline.Token)).StatusCode;

        Assert.Equal(method == "DELETE" ? HttpStatusCode.NoContent : HttpStatusCode.OK, status);
        Assert.Equal(4, received.Count);
        Assert.All(received, r =>
        {
            Assert.Equal(method, r.Method);
            Assert.Equal("/organizations/users/permissions/0c1d5e2a-7f3b-4a69-9d8e-1b2c3d4e5f60/", r.Path);
            Assert.Equal(Encoding.UTF8.GetByteCount(ExpectedBody), r.ContentLength);
            Assert.Equal(string.Empty, r.TransferEncoding);
            Assert.Equal(ExpectedBody, Encoding.UTF8.GetString(r.Body));
        });
    }
}
