namespace Crux.Connect.Cli;

/// <summary>No credentials could be had (no token, no terminal to prompt on): exit code <see cref="ExitCodes.Authentication"/>.</summary>
internal sealed class CredentialsException(string message) : Exception(message);
