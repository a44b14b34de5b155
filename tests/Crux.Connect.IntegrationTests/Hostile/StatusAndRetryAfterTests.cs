using System.Diagnostics;

namespace Crux.Connect.IntegrationTests.Hostile;

/// <summary>Only the documented success codes are success; a Retry-After never makes retries faster than the backoff, and an unreadably large one is capped.</summary>
public sealed class StatusAndRetryAfterTests
{
    [Theory]
    [InlineData(203)]
    [InlineData(205)]
    [InlineData(206)]
    [InlineData(226)]
    [InlineData(299)]
    public async Task UndocumentedSuccessStatus_IsATypedFailureNotRetried(int status)
    {
        await using var server = RawHttpServer.Answering($"HTTP/1.1 {status} Odd");
        CruxClient client = Hostile.Client(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CruxApiException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, Hostile.Permissions));

        Assert.Equal(status, (int)exception.StatusCode);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(204)]
    public async Task DocumentedSuccessStatus_IsSuccess(int status)
    {
        await using var server = RawHttpServer.Answering($"HTTP/1.1 {status} Fine");
        CruxClient client = Hostile.Client(server.BaseAddress);

        AddPermissionsResult result = await client.OrganizationUsers.AddPermissionsAsync(Hostile.User, Hostile.Permissions);

        Assert.Equal(status, (int)result.StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("Wed, 01 Jan 2020 00:00:00 GMT")]
    [InlineData("-5")]
    public async Task RetryAfterZeroOrPast_RetriesNoFasterThanTheBackoff(string retryAfter)
    {
        var times = new System.Collections.Concurrent.ConcurrentQueue<TimeSpan>();
        var clock = Stopwatch.StartNew();
        await using var server = RawHttpServer.Start((request, stream, ct) =>
        {
            times.Enqueue(clock.Elapsed);
            return RawHttpServer.WriteAsync(stream, $"HTTP/1.1 503 Busy\r\nRetry-After: {retryAfter}", string.Empty, ct);
        });
        CruxClient client = Hostile.Client(server.BaseAddress, o =>
        {
            o.Retry.MaxRetries = 3;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(100);
            o.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        });

        await Assert.ThrowsAsync<CruxServerException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, Hostile.Permissions));

        TimeSpan[] at = times.ToArray();
        Assert.Equal(4, at.Length);

        // Equal jitter waits at least half of each step: 50, 100 and 200 ms.
        Assert.True(at[1] - at[0] >= TimeSpan.FromMilliseconds(45), $"{at[1] - at[0]}");
        Assert.True(at[2] - at[1] >= TimeSpan.FromMilliseconds(95), $"{at[2] - at[1]}");
        Assert.True(at[3] - at[2] >= TimeSpan.FromMilliseconds(195), $"{at[3] - at[2]}");
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("100000000000")]
    public async Task RetryAfterTooLargeToParse_IsCappedByMaxDelayNotIgnored(string retryAfter)
    {
        var clock = Stopwatch.StartNew();
        await using var server = RawHttpServer.Answering($"HTTP/1.1 429 Slow Down\r\nRetry-After: {retryAfter}");
        CruxClient client = Hostile.Client(server.BaseAddress, o =>
        {
            o.Retry.MaxRetries = 1;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(400);
        });

        var exception = await Assert.ThrowsAsync<CruxRateLimitException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, Hostile.Permissions));

        Assert.Equal(TimeSpan.MaxValue, exception.RetryAfter);
        Assert.Equal(2, server.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(390), $"waited only {clock.Elapsed}");
    }

    [Fact]
    public async Task HttpClientDisposedMidCall_IsATypedFailureNotATimeoutNorARetry()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = RawHttpServer.Start(async (request, stream, ct) =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        var http = new HttpClient();
        CruxClient client = Hostile.Client(server.BaseAddress, http: http);

        Task<RemovePermissionsResult> call = client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, Hostile.Permissions);
        await arrived.Task;
        http.Dispose();
        var exception = await Assert.ThrowsAsync<CruxException>(() => call);

        Assert.Contains("disposed", exception.Message);
        Assert.Single(server.Requests);
        Assert.IsNotType<CruxTimeoutException>(exception);

        // A call on the disposed client is the same typed failure.
        var again = await Assert.ThrowsAsync<CruxException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, Hostile.Permissions));
        Assert.IsType<ObjectDisposedException>(again.InnerException);
    }
}
