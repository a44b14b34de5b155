using System.Text;

namespace Crux.Connect.Cli.Files;

/// <summary>A bulk input file, CSV or JSON: JSON when the name ends in .json or .jsonl or the content starts with '[' or '{'.</summary>
internal static class UsersFile
{
    public static List<UserRow> Load(string path)
    {
        byte[] bytes = InputFile.ReadBytes(path, "users");
        string text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(bytes);
        string extension = Path.GetExtension(path);
        bool json = extension.Equals(".json", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".jsonl", StringComparison.OrdinalIgnoreCase)
            || (!extension.Equals(".csv", StringComparison.OrdinalIgnoreCase) && text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n') is ['[' or '{', ..]);
        List<UserRow> rows = json ? JsonUsersReader.Read(path, bytes) : CsvUsersReader.Read(path, text);
        return rows.Count == 0 ? throw new UsageException($"{Path.GetFileName(path)}: no users in the file.") : rows;
    }
}
