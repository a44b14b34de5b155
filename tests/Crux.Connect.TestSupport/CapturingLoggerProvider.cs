using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Crux.Connect.TestSupport;

/// <summary>Captures every log record at every level as text: the formatted message, each structured value and the exception.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    public ConcurrentQueue<string> Records { get; } = new();

    /// <summary>Gets every record as one text, for searching a secret in it.</summary>
    public string AllText => string.Join("\n", Records);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(" | ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : string.Empty;
            owner.Records.Enqueue($"{logLevel} {eventId.Id} {formatter(state, exception)} || {values} || {exception}");
        }
    }
}
