using System.Text;
using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Input;
using Crux.Connect.Cli.Output;

namespace Crux.Connect.Cli.Output;

/// <summary>
/// The users a bulk apply left (failed, or not started because of Ctrl+C), written as a CSV file that
/// <c>crux bulk apply</c> reads back as it is: each row as it was asked (permissions and role), plus an <c>error</c>
/// column that the reader ignores. It holds uuids, permission names and messages: never a token or a password.
/// </summary>
internal static class FailedUsersFile
{
    public const string Suffix = ".failed.csv";

    /// <summary>Beside the input: team.csv -> team.failed.csv; a users-left file run again is its own (rewritten with the users
    /// still left, removed when none is), so fixing a run never piles up team.failed.failed.csv.</summary>
    public static string DefaultPath(string inputPath)
    {
        string full = Path.GetFullPath(inputPath);
        if (full.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return full;
        }

        string directory = Path.GetDirectoryName(full) ?? ".";
        return Path.Combine(directory, Path.GetFileNameWithoutExtension(inputPath) + Suffix);
    }

    public static void Write(string path, IEnumerable<UserOutcome> left)
    {
        var text = new StringBuilder("user,permissions,role,error\n");
        foreach (UserOutcome outcome in left)
        {
            UserRow row = outcome.User.Row;
            string error = outcome.Status == UserStatus.NotStarted
                ? "not started (cancelled)"
                : ErrorText.Describe(outcome.Error!);
            text.Append(row.User.ToString("D")).Append(',')
                .Append(Quote(string.Join(';', row.Permissions.Select(p => p.Value)))).Append(',')
                .Append(Quote(row.Role?.Value ?? string.Empty)).Append(',')
                .Append(Quote(error)).Append('\n');
        }

        try
        {
            File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"The failed-users file '{path}' cannot be written: {exception.Message}");
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
