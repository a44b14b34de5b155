namespace Crux.Connect.Cli;

/// <summary>The command line or an input file is wrong: exit code <see cref="ExitCodes.Usage"/>, nothing changed.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Internal to the tool, which raises it only with a message meant for the user.")]
internal sealed class UsageException(string message) : Exception(message);
