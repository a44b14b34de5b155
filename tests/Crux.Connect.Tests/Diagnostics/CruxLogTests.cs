using System.Net;
using System.Reflection;
using Crux.Connect.Diagnostics;
using Crux.Connect.Tests.Diagnostics.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.Diagnostics;

public sealed class CruxLogTests
{
    [Fact]
    public void CruxLog_EventIds_AreTheDocumentedOnes()
    {
        var events = typeof(CruxLog).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .Where(a => a is not null)
            .Select(a => (a!.EventId, a.EventName, a.Level))
            .Distinct() // 102 has two texts (with a status, and with no answer) under one id, name and level
            .ToDictionary(a => a.EventId, a => (a.EventName, a.Level));

        // The README's table: ids are never renumbered.
        Assert.Equal(
            new Dictionary<int, (string?, LogLevel)>
            {
                [100] = ("OperationStarting", LogLevel.Debug),
                [101] = ("OperationSucceeded", LogLevel.Information),
                [102] = ("OperationFailed", LogLevel.Warning),
                [103] = ("OperationCanceled", LogLevel.Information),
                [110] = ("AttemptStarting", LogLevel.Debug),
                [111] = ("AttemptAnswered", LogLevel.Debug),
                [120] = ("RetryScheduled", LogLevel.Information),
            },
            events);
    }

    [Fact]
    public async Task RemovePermissions_Success_LogsStartAttemptAndEndInCategoryCruxConnect()
    {
        (ILoggerFactory loggers, FakeLogCollector collector) = CreateLoggers();
        using (loggers)
        {
            await Scenarios.SucceedAsync("log-success.crux.test", loggers);
        }

        IReadOnlyList<FakeLogRecord> records = collector.GetSnapshot();
        Assert.All(records, r => Assert.Equal("Crux.Connect", r.Category));
        Assert.Equal(new[] { 100, 110, 111, 101 }, records.Select(r => r.Id.Id));
        FakeLogRecord end = records[^1];
        Assert.Equal(LogLevel.Information, end.Level);
        Assert.Equal($"Crux Connect RemovePermissions DELETE {Scenarios.Path} at log-success.crux.test: answered 204 in 150.0 ms after 1 attempt(s)", end.Message);
        Assert.Equal("RemovePermissions", end.GetStructuredStateValue("Operation"));
        Assert.Equal("DELETE", end.GetStructuredStateValue("HttpMethod"));
        Assert.Equal(Scenarios.Path, end.GetStructuredStateValue("Path"));
        Assert.Equal("204", end.GetStructuredStateValue("StatusCode"));
        Assert.Equal("1", end.GetStructuredStateValue("AttemptCount"));
        Assert.All(records.Where(r => r.Id.Id is 110 or 111), r => Assert.Equal(LogLevel.Debug, r.Level));
        Secrets.AssertNotLogged(collector);
    }

    [Fact]
    public async Task RemovePermissions_RetriedSuccess_LogsTheRetryWithReasonAndDelay()
    {
        (ILoggerFactory loggers, FakeLogCollector collector) = CreateLoggers();
        using (loggers)
        {
            await Scenarios.SucceedAfterRetryAsync("log-retried.crux.test", loggers);
        }

        IReadOnlyList<FakeLogRecord> records = collector.GetSnapshot();
        Assert.Equal(new[] { 100, 110, 111, 120, 110, 111, 101 }, records.Select(r => r.Id.Id));
        FakeLogRecord retry = records.Single(r => r.Id.Id == 120);
        Assert.Equal(LogLevel.Information, retry.Level);
        Assert.Equal($"Crux Connect RemovePermissions DELETE {Scenarios.Path}: attempt 1 failed (503); retrying in 2000 ms", retry.Message);
        Assert.Equal("after 2 attempt(s)", records[^1].Message[^18..]);
        Secrets.AssertNotLogged(collector);
    }

    [Fact]
    public async Task RemovePermissions_NotFound_LogsFailureWithTypeStatusDetailAndException()
    {
        (ILoggerFactory loggers, FakeLogCollector collector) = CreateLoggers();
        CruxNotFoundException thrown;
        using (loggers)
        {
            thrown = await Scenarios.FailAsync("log-failure.crux.test", loggers);
        }

        FakeLogRecord failure = collector.GetSnapshot().Single(r => r.Id.Id == 102);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.Equal("OperationFailed", failure.Id.Name);
        Assert.Same(thrown, failure.Exception);
        Assert.Equal("Crux.Connect.CruxNotFoundException", failure.GetStructuredStateValue("ExceptionType"));
        Assert.Equal("404", failure.GetStructuredStateValue("StatusCode"));
        Assert.Contains("(status 404)", failure.Message, StringComparison.Ordinal);
        Assert.Equal("log-failure.crux.test", failure.GetStructuredStateValue("ServerAddress"));
        Assert.Contains(" at log-failure.crux.test: failed with", failure.Message, StringComparison.Ordinal);
        Assert.Equal("Not found.", failure.GetStructuredStateValue("Detail"));
        Assert.EndsWith("after 1 attempt(s): Not found.", failure.Message, StringComparison.Ordinal);
        Secrets.AssertNotLogged(collector);
    }

    [Fact]
    public async Task RemovePermissions_NoAnswer_LogsFailureSayingNoAnswerRatherThanAnEmptyStatus()
    {
        (ILoggerFactory loggers, FakeLogCollector collector) = CreateLoggers();
        var handler = new StubHandler((_, _, _) => throw new HttpRequestException("Connection reset", new IOException("reset")));
        using (loggers)
        {
            var client = new CruxClient(new HttpClient(handler), new CruxClientOptions { ApiToken = Secrets.Token, BaseAddress = new Uri("https://log-no-answer.crux.test/") }
                .WithNoRetries(), loggers, null);
            await Assert.ThrowsAsync<CruxConnectionException>(() => client.OrganizationUsers.RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions));
        }

        FakeLogRecord failure = collector.GetSnapshot().Single(r => r.Id.Id == 102);
        Assert.Contains("failed with Crux.Connect.CruxConnectionException (no answer) in", failure.Message, StringComparison.Ordinal);
        Assert.Null(failure.GetStructuredStateValue("StatusCode"));
    }

    [Fact]
    public async Task GetAllPermissions_CallerCancels_LogsCanceledNotFailed()
    {
        (ILoggerFactory loggers, FakeLogCollector collector) = CreateLoggers();
        using var cancellation = new CancellationTokenSource();
        var handler = new StubHandler(async (_, _, ct) =>
        {
            await cancellation.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return StubHandler.Answer(HttpStatusCode.OK);
        });
        using (loggers)
        {
            CruxClient client = Scenarios.Client("log-canceled.crux.test", new FakeTimeProvider(), handler, loggers);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.OrganizationUsers.GetAllPermissionsAsync(cancellation.Token));
        }

        IReadOnlyList<FakeLogRecord> records = collector.GetSnapshot();
        Assert.Contains(records, r => r.Id.Id == 103 && r.Level == LogLevel.Information);
        Assert.DoesNotContain(records, r => r.Id.Id == 102);
    }

    [Fact]
    public async Task RemovePermissions_InformationLevel_LogsNoPerAttemptEvents()
    {
        var collector = new FakeLogCollector();
        using (ILoggerFactory loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new FakeLoggerProvider(collector))))
        {
            await Scenarios.SucceedAfterRetryAsync("log-information.crux.test", loggers);
        }

        Assert.Equal(new[] { 120, 101 }, collector.GetSnapshot().Select(r => r.Id.Id));
    }

    private static (ILoggerFactory Loggers, FakeLogCollector Collector) CreateLoggers()
    {
        var collector = new FakeLogCollector();
        ILoggerFactory loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        return (loggers, collector);
    }
}

internal static class NoRetryOptions
{
    public static CruxClientOptions WithNoRetries(this CruxClientOptions options)
    {
        options.Retry.MaxRetries = 0;
        return options;
    }
}
