namespace Crux.Connect.Cli;

/// <summary>The command line or an input file is wrong: exit code <see cref="ExitCodes.Usage"/>, nothing changed.</summary>
internal sealed class UsageException(string message) : Exception(message);
