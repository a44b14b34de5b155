using Microsoft.Extensions.Logging.Testing;

namespace Crux.Connect.Tests.Diagnostics.Support;

/// <summary>The token the diagnostics tests use, and the assertion that it appears nowhere in what was logged.</summary>
internal static class Secrets
{
    public const string Token = "crux-secret-7f3a9c2e5b1d4086a1";

    /// <summary>Every text a log record exposes to a provider: message, structured values, scopes, exception.</summary>
    public static IEnumerable<string> TextsOf(FakeLogRecord record)
    {
        yield return record.Message;
        if (record.StructuredState is { } state)
        {
            foreach (KeyValuePair<string, string?> pair in state)
            {
                yield return pair.Key + "=" + pair.Value;
            }
        }

        foreach (object? scope in record.Scopes)
        {
            yield return scope?.ToString() ?? string.Empty;
            if (scope is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (KeyValuePair<string, object?> pair in values)
                {
                    yield return pair.Key + "=" + pair.Value;
                }
            }
        }

        if (record.Exception is { } exception)
        {
            yield return exception.ToString();
        }
    }

    public static void AssertNotLogged(FakeLogCollector collector, string secret = Token)
    {
        IReadOnlyList<FakeLogRecord> records = collector.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (FakeLogRecord record in records)
        {
            foreach (string text in TextsOf(record))
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"[{record.Category} #{record.Id} {record.Level}] {record.Message} :: {text}");
            }
        }
    }
}
