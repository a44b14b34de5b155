using System.Text;
using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Output;

namespace Crux.Connect.Cli.Files;

/// <summary>
/// The users a bulk apply left (failed, or not started because of Ctrl+C), written as a CSV file that
/// <c>crux bulk apply</c> reads back as it is: each row as it was asked (permissions and role), plus an <c>error</c>
/// column that the reader ignores. It holds uuids, permission names and messages: never a token or a password.
/// </summary>
internal static class FailedUsersFile
{
    public static string DefaultPath(string inputPath)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(inputPath)) ?? ".";
        return Path.Combine(directory, Path.GetFileNameWithoutExtension(inputPath) + ".failed.csv");
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
