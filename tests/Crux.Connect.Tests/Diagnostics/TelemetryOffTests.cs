using System.Diagnostics;
using System.Net;
using Crux.Connect.Tests.Diagnostics.Support;
using Microsoft.Extensions.Logging;

namespace Crux.Connect.Tests.Diagnostics;

/// <summary>
/// When no log level is on and nothing listens, the SDK does nothing for telemetry: it starts no activity and
/// hands no record to a logger (so it formats and allocates none).
/// </summary>
[Collection(ListenerCollection.Name)]
public sealed class TelemetryOffTests
{
    [Fact]
    public async Task RemovePermissionsAsync_NoLogLevelOnAndNoListener_StartsNoActivityAndWritesNoLog()
    {
        var provider = new OffLoggerProvider();
        using ILoggerFactory loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
        var activities = new List<Activity?>();
        var handler = new StubHandler((_, attempt, _) =>
        {
            activities.Add(Activity.Current);
            return Task.FromResult(StubHandler.Answer(attempt == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.NoContent));
        });
        var options = new CruxClientOptions { ApiToken = Secrets.Token, BaseAddress = new Uri("https://telemetry-off.crux.test/") };
        options.Retry.BaseDelay = TimeSpan.Zero;
        var client = new CruxClient(new HttpClient(handler), options, loggers, TimeProvider.System);

        // A retried success and a failure: every path that would log or trace if anyone listened.
        await client.OrganizationUsers.RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions);
        handler = new StubHandler(HttpStatusCode.NotFound);
        client = new CruxClient(new HttpClient(handler), options, loggers, TimeProvider.System);
        await Assert.ThrowsAsync<CruxNotFoundException>(() => client.OrganizationUsers.RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions));

        Assert.Equal(2, activities.Count);
        Assert.All(activities, Assert.Null);
        Assert.True(provider.Asked > 0, "the SDK asks its logger whether a level is on");
        Assert.Equal(0, provider.Written);
    }

    /// <summary>A logger with every level off that counts what it is asked and what it is given.</summary>
    private sealed class OffLoggerProvider : ILoggerProvider, ILogger
    {
        private int _asked;
        private int _written;

        public int Asked => Volatile.Read(ref _asked);

        public int Written => Volatile.Read(ref _written);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            Interlocked.Increment(ref _written);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel)
        {
            Interlocked.Increment(ref _asked);
            return false;
        }

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Interlocked.Increment(ref _written);

        public void Dispose()
        {
        }
    }
}
