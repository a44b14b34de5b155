using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.Resilience;

/// <summary>
/// Issue 22: in a bulk run, the retry after a 429 waits for the run's pause (the run's gate holds the attempt, and may let
/// it go early as the pause's probe); the retry's log record, trace event and metric say that wait, not 0 s.
/// </summary>
public sealed class RunRetryEventTests
{
    [Fact]
    public async Task RetryAfterA429InABulkRun_ReportsTheRunsPause()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        int requests = 0;
        var handler = new Handler(() =>
        {
            if (Interlocked.Increment(ref requests) > 1)
            {
                return new HttpResponseMessage(HttpStatusCode.NoContent);
            }

            var tooMany = new HttpResponseMessage((HttpStatusCode)429) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            tooMany.Headers.TryAddWithoutValidation("Retry-After", "10");
            return tooMany;
        });
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        var client = new CruxClient(
            new HttpClient(handler),
            new CruxClientOptions { ApiToken = "bulk-test-token", BaseAddress = new Uri("https://crux.example/") },
            loggerFactory,
            time);

        Task<CruxBulkResult<RemovePermissionsResult>> run = client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            [Guid.NewGuid()], [Guid.NewGuid()], new CruxBulkOptions { MaxConcurrency = 1 });
        for (int i = 0; i < 200 && !run.IsCompleted; i++)
        {
            await Task.Delay(10);
            time.Advance(TimeSpan.FromMilliseconds(500));
        }

        CruxBulkResult<RemovePermissionsResult> result = await run;
        Assert.Equal(1, result.Succeeded);
        Assert.Equal(1, result.Retries);
        FakeLogRecord retry = Assert.Single(logs.GetSnapshot(), r => r.Id.Name == "RetryScheduled");

        // The pause is the server's Retry-After (10 s, under MaxDelay); the clock had not moved between the 429 and the
        // retry's record. Before issue 22 this said 0 ms: the run's gate did the waiting, which Polly never saw.
        Assert.Equal(10_000, double.Parse(retry.GetStructuredStateValue("DelayMilliseconds")!, CultureInfo.InvariantCulture));
    }

    private sealed class Handler(Func<HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = answer();
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
