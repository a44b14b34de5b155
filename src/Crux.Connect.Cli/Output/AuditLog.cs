using System.Text.Json;
using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Connection;

namespace Crux.Connect.Cli.Output;

/// <summary>
/// <c>--audit-log FILE</c>: one JSON object per line, appended, for every user a bulk apply changed (or tried to and
/// failed: a failed set may have been half done, and an audit must show it). Each line is written and flushed as soon
/// as that user is done, so a log read during the run, or after a crash, holds every change made so far. It holds the
/// time, the environment, the user, their label, what was removed and added, the request ids and the outcome: never a
/// token or a password (the tool has none of them here).
/// </summary>
internal sealed class AuditLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly CliEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    private AuditLog(StreamWriter writer, CliEnvironment environment, TimeProvider time)
    {
        _writer = writer;
        _environment = environment;
        _time = time;
    }

    /// <summary>Opens (or creates) the file for appending; a file that cannot be opened is a usage error, before any change.</summary>
    public static AuditLog Open(string path, CliEnvironment environment, TimeProvider time)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
            return new AuditLog(new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true }, environment, time);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"The audit log '{TerminalText.Escape(path)}' cannot be opened for appending: {exception.Message} Nothing was changed.");
        }
    }

    /// <summary>Writes the user's line if a change was made or tried; users already as wanted or not started are not changes.</summary>
    public void Write(UserOutcome outcome)
    {
        if (outcome.Status is not (UserStatus.Changed or UserStatus.Failed))
        {
            return;
        }

        PermissionChange? change = outcome.Change;
        var entry = new JsonAuditEntry(
            _time.GetUtcNow(),
            _environment.Name,
            _environment.BaseAddress?.ToString(),
            outcome.User.User,
            outcome.User.Label,
            outcome.Status == UserStatus.Changed ? "changed" : "failed",
            change is null ? [] : [.. change.Remove.Select(p => p.Name)],
            change is null ? [] : [.. change.Add.Select(p => p.Name)],
            new JsonRequestIds(change?.RequestIds.Read, change?.RequestIds.Remove, change?.RequestIds.Add, (outcome.Error as CruxApiException)?.RequestId),
            change?.Drifted ?? false,
            outcome.Error is null ? null : ErrorText.Describe(outcome.Error));
        string line = JsonSerializer.Serialize(entry, CliJsonContext.Compact.JsonAuditEntry);
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    public void Dispose() => _writer.Dispose();
}
