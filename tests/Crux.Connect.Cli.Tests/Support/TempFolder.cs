namespace Crux.Connect.Cli.Tests.Support;

/// <summary>A folder of input and output files for one test, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "crux-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string name, string content)
    {
        string path = File(name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Every file the tool may have written here, read back.</summary>
    public IEnumerable<(string Name, string Content)> Files() =>
        Directory.EnumerateFiles(Path).Select(f => (System.IO.Path.GetFileName(f), System.IO.File.ReadAllText(f)));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a process that is ending: the OS's temp cleaning takes it.
        }
    }
}
