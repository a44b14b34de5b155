namespace Crux.Connect.Cli.Input;

/// <summary>Reads an input file whole; a missing or unreadable file is a usage error naming it.</summary>
internal static class InputFile
{
    // A bulk file of a user per line is small; a limit keeps a wrong path (a disk image, a log) from filling memory.
    private const long MaxBytes = 64L * 1024 * 1024;

    public static byte[] ReadBytes(string path, string what)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new UsageException($"The {what} file '{path}' does not exist.");
            }

            return info.Length > MaxBytes
                ? throw new UsageException($"The {what} file '{path}' is larger than {MaxBytes / (1024 * 1024)} MiB.")
                : CheckUtf8(path, File.ReadAllBytes(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"The {what} file '{path}' cannot be read: {exception.Message}");
        }
    }

    /// <summary>Refuses a file that is not UTF-8 (a file saved as Latin-1 or UTF-16, or a binary file), naming where, rather
    /// than reading names with replacement characters in them.</summary>
    private static byte[] CheckUtf8(string path, byte[] bytes)
    {
        var chars = new char[bytes.Length];
        System.Buffers.OperationStatus status = System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out int read, out _, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done)
        {
            return bytes;
        }

        SourcePosition at = new ByteLines(bytes).At(read);
        string hint = bytes is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] ? " It looks like UTF-16" : " It may be Latin-1 or Windows-1252";
        throw at.Error(path, $"the file is not valid UTF-8 (byte 0x{bytes[read]:X2}).{hint}: save it as UTF-8 (in Excel: 'CSV UTF-8').");
    }
}
