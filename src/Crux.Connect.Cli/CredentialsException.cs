namespace Crux.Connect.Cli;

/// <summary>No credentials could be had (no token, no terminal to prompt on): exit code <see cref="ExitCodes.Authentication"/>.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Internal to the tool, which raises it only with a message meant for the user.")]
internal sealed class CredentialsException(string message) : Exception(message);
