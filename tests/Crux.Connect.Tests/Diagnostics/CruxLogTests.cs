using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Crux.Connect.Diagnostics;
using Crux.Connect.Tests.Diagnostics.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.Diagnostics;

public sealed class CruxLogTests
{
    [Fact]
    public void LogEvents_EventIds_AreTheDocumentedOnes()
    {
        var events = LogEvents().ToDictionary(e => e.Attribute.EventId, e => (e.Attribute.EventName, e.Attribute.Level));

        // The table in docs/observability.md: ids are never renumbered, only added.
        Assert.Equal(
            new Dictionary<int, (string?, LogLevel)>
            {
                [100] = ("OperationStarting", LogLevel.Debug),
                [101] = ("OperationSucceeded", LogLevel.Information),
                [102] = ("OperationFailed", LogLevel.Warning),
                [103] = ("OperationCanceled", LogLevel.Information),
                [104] = ("OperationFailedWithoutAnswer", LogLevel.Warning),
                [110] = ("AttemptStarting", LogLevel.Debug),
                [111] = ("AttemptAnswered", LogLevel.Debug),
                [120] = ("RetryScheduled", LogLevel.Information),
                [200] = ("SandboxInProduction", LogLevel.Warning),
            },
            events);
    }

    [Fact]
    public void LogEvents_EachIdHasOneTemplateAndOneName()
    {
        (MethodInfo Method, LoggerMessageAttribute Attribute)[] events = LogEvents().ToArray();

        Assert.All(events.GroupBy(e => e.Attribute.EventId), id => Assert.True(
            id.Count() == 1,
            $"Event id {id.Key} is used by {string.Join(", ", id.Select(e => e.Method.Name))}: one id, one message template."));
        Assert.All(events.GroupBy(e => e.Attribute.EventName), name => Assert.True(
            name.Count() == 1,
            $"Event name {name.Key} is used by ids {string.Join(", ", name.Select(e => e.Attribute.EventId))}."));
        Assert.All(events, e => Assert.Equal(e.Method.Name, e.Attribute.EventName));
        Assert.Equal(events.Length, events.Select(e => e.Attribute.Message).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void LogEvents_ObservabilityDocTable_ListsEachIdOnceWithItsNameAndLevel()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "observability.md"));
        var rows = Regex.Matches(readme, @"(?m)^\| (?<id>\d{3}) \| (?<level>\w+) \| `(?<name>\w+)` \|")
            .Select(m => (Id: int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture), Level: m.Groups["level"].Value, Name: m.Groups["name"].Value))
            .ToArray();

        Assert.Equal(
            LogEvents().Select(e => (e.Attribute.EventId, e.Attribute.Level.ToString(), e.Attribute.EventName)).OrderBy(e => e.EventId),
            rows.OrderBy(r => r.Id).Select(r => (r.Id, r.Level, (string?)r.Name)));
    }

    [Fact]
    public void OperationFailed_102_HasTheStatusTemplate_And104_TheNoAnswerOne()
    {
        var byId = LogEvents().ToDictionary(e => e.Attribute.EventId, e => e.Attribute.Message);

        Assert.Contains("(status {StatusCode})", byId[102], StringComparison.Ordinal);
        Assert.DoesNotContain("(no answer)", byId[102], StringComparison.Ordinal);
        Assert.Contains("(no answer)", byId[104], StringComparison.Ordinal);
        Assert.DoesNotContain("{StatusCode}", byId[104], StringComparison.Ordinal);
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
        Assert.DoesNotContain(collector.GetSnapshot(), r => r.Id.Id == 104);
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

        IReadOnlyList<FakeLogRecord> records = collector.GetSnapshot();
        FakeLogRecord failure = records.Single(r => r.Id.Id == 104);
        Assert.Equal("OperationFailedWithoutAnswer", failure.Id.Name);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.IsType<CruxConnectionException>(failure.Exception);
        Assert.Contains("failed with Crux.Connect.CruxConnectionException (no answer) in", failure.Message, StringComparison.Ordinal);
        Assert.Null(failure.GetStructuredStateValue("StatusCode"));
        Assert.DoesNotContain(records, r => r.Id.Id == 102);
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
        Assert.DoesNotContain(records, r => r.Id.Id is 102 or 104);
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

    /// <summary>Every source-generated log event of the library (CruxLog, CruxStartupLog, any later one).</summary>
    private static IEnumerable<(MethodInfo Method, LoggerMessageAttribute Attribute)> LogEvents() =>
        typeof(CruxLog).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()!))
            .Where(e => e.Attribute is not null);

    private static string RepositoryRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Crux.Connect.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
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
