namespace Crux.Connect.Cli.Tests.Support;

/// <summary>How a run of crux ended: its exit code and everything it wrote.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string All => Out + "\n" + Error;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
