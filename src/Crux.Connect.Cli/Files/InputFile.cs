namespace Crux.Connect.Cli.Files;

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
                : File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"The {what} file '{path}' cannot be read: {exception.Message}");
        }
    }
}
