namespace Crux.Connect.Cli;

/// <summary>The global options of one run, as parsed.</summary>
internal sealed class CliSettings
{
    public string? Environment { get; init; }

    public string? BaseAddress { get; init; }

    public bool Simulator { get; init; }

    public bool Json { get; init; }

    public bool TokenStdin { get; init; }

    public string? Username { get; init; }

    public bool PasswordStdin { get; init; }

    /// <summary>Gets a value indicating whether tables show whole uuids (<c>--wide</c>) rather than short unique prefixes.</summary>
    public bool Wide { get; init; }
}
