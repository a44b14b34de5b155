namespace Crux.Connect.Cli.Input;

/// <summary>A place in an input file, 1-based, for messages a person can act on ("line 3, column 10").</summary>
internal readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}";

    /// <summary>A usage error that names the file and this position; nothing has been changed when it is raised.</summary>
    public UsageException Error(string path, string message) => new($"{Output.TerminalText.Escape(Path.GetFileName(path))} {this}: {message}");
}
