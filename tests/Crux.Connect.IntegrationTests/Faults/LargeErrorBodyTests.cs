using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Crux.Connect.IntegrationTests.Faults;

/// <summary>
/// An error answer with a 50 MB body, streamed by a real server over a real socket: the SDK keeps 64 KiB of it,
/// abandons the rest, allocates nowhere near 50 MB and fails at once with the typed exception.
/// </summary>
/// <remarks>
/// What the client took off the socket is counted under the handler (<see cref="CountingSocketStream"/>), not from the
/// server's side: Kestrel completes writes to a connection the peer has already closed, so "bytes the server wrote"
/// says nothing about what the client read. SocketsHttpHandler itself may drain up to 1 MB of an abandoned chunked
/// body in the background (its MaxResponseDrainSize) before closing the connection; that is the bound allowed below.
/// </remarks>
[Collection(FaultsCollection.Name)]
public sealed class LargeErrorBodyTests(ITestOutputHelper output)
{
    private const long BodySize = 50L * 1024 * 1024;
    private const int Limit = 64 * 1024;
    private static readonly byte[] Prefix = "{\"detail\":\""u8.ToArray();
    private static readonly byte[] Xs = CreateBlock();

    [Theory]
    [InlineData(400, true, 0)]
    [InlineData(503, true, 2)]
    [InlineData(503, false, 2)]
    public async Task RemovePermissionsAsync_ErrorWith50MegabyteBody_FailsPromptlyWithA64KiBExcerptReadingAndAllocatingABoundedAmount(
        int status, bool declareLength, int maxRetries)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        int requests = 0;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            Interlocked.Increment(ref requests);
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            if (declareLength)
            {
                context.Response.ContentLength = BodySize;
            }

            try
            {
                // Streamed from one 64 KiB block, never allocated whole; a truncated JSON string, to be parsed tolerantly.
                await context.Response.Body.WriteAsync(Prefix, context.RequestAborted);
                for (long sent = Prefix.Length; sent < BodySize && !context.RequestAborted.IsCancellationRequested; sent += Xs.Length)
                {
                    await context.Response.Body.WriteAsync(Xs.AsMemory(0, (int)Math.Min(Xs.Length, BodySize - sent)), context.RequestAborted);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
            {
                // The client left: expected.
            }
        });

        using var httpClient = new HttpClient(CountingSocketStream.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new CruxClientOptions { BaseAddress = server.BaseAddress, ApiToken = "large-body-token", AttemptTimeout = TimeSpan.FromSeconds(10) };
        options.Retry.MaxRetries = maxRetries;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        var users = new CruxClient(httpClient, options).OrganizationUsers;

        // Warm up the path (JIT, connection pool) so the measurement sees the body read, not first-call costs.
        await Assert.ThrowsAnyAsync<CruxApiException>(() => users.RemovePermissionsAsync(Guid.NewGuid(), [Guid.NewGuid()], deadline.Token));
        Interlocked.Exchange(ref requests, 0);

        long readBefore = CountingSocketStream.TotalRead;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var exception = await Assert.ThrowsAnyAsync<CruxApiException>(
            () => users.RemovePermissionsAsync(Guid.NewGuid(), [Guid.NewGuid()], deadline.Token));
        stopwatch.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long read = CountingSocketStream.TotalRead - readBefore;

        output.WriteLine($"{status} with a 50 MB {(declareLength ? "Content-Length" : "chunked")} body, {requests} attempt(s): failed in {stopwatch.ElapsedMilliseconds} ms, " +
            $"client read {read / 1024} KiB off the socket, process allocated {allocated / 1024} KiB, ResponseBody {exception.ResponseBody?.Length} chars");

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.IsType(status == 400 ? typeof(CruxBadRequestException) : typeof(CruxServerException), exception);
        Assert.Equal(maxRetries + 1, requests);
        Assert.NotNull(exception.ResponseBody);
        Assert.StartsWith("{\"detail\":\"xxxxxxxx", exception.ResponseBody, StringComparison.Ordinal);
        Assert.InRange(exception.ResponseBody!.Length, Limit, Limit + 32); // the cap, plus a "…(truncated)" marker
        Assert.Null(exception.Detail); // the excerpt is cut JSON: parsed tolerantly, no JsonException
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
        Assert.True(allocated < 10 * 1024 * 1024, $"allocated {allocated} bytes");
        Assert.True(read < (maxRetries + 2) * 2L * 1024 * 1024, $"read {read} bytes off the socket");
    }

    private static byte[] CreateBlock()
    {
        var block = new byte[64 * 1024];
        Array.Fill(block, (byte)'x');
        return block;
    }
}
