using System.Text;

namespace Crux.Connect.Cli.Input;

/// <summary>A bulk input file, CSV or JSON: JSON when the name ends in .json or .jsonl or the content starts with '[' or '{'.</summary>
internal static class UsersFile
{
    /// <summary>Reads the whole file; every problem goes to <paramref name="problems"/>. <paramref name="label"/>: the column
    /// (or JSON property) shown beside each user, or <see langword="null"/> for <c>email</c> or <c>name</c> if there is one.</summary>
    public static List<UserRow> Load(string path, InputProblems problems, string? label = null)
    {
        byte[] bytes = InputFile.ReadBytes(path, "users");
        string text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        string extension = Path.GetExtension(path);
        bool json = extension.Equals(".json", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase)
            || (!extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) && text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n') is ['[' or '{', ..]);
        List<UserRow> rows = json ? JsonUsersReader.Read(path, bytes, problems, label) : CsvUsersReader.Read(path, text, problems, label);
        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new UsageException($"{Output.TerminalText.Escape(Path.GetFileName(path))}: no users in the file."));
        }

        return rows;
    }

    /// <summary>Reads the whole file and throws one usage error listing every problem, if any.</summary>
    public static List<UserRow> Load(string path)
    {
        var problems = new InputProblems();
        List<UserRow> rows = Load(path, problems);
        problems.ThrowIfAny();
        return rows;
    }
}
