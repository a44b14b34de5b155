namespace Crux.Connect.Cli.Connection;

/// <summary>Where a run goes, chosen explicitly: there is no default environment, so nobody changes production by accident.</summary>
internal sealed class CliEnvironment
{
    private CliEnvironment(string name, Uri? baseAddress)
    {
        Name = name;
        BaseAddress = baseAddress;
    }

    /// <summary>Gets <c>sandbox</c>, <c>production</c>, <c>simulator</c> or <c>custom</c> (a --base-address).</summary>
    public string Name { get; }

    /// <summary>Gets the API's address; <see langword="null"/> for the simulator, which runs in this process.</summary>
    public Uri? BaseAddress { get; }

    public bool IsSimulator => BaseAddress is null;

    /// <summary>Gets the line printed at the start of every run that changes something.</summary>
    public string Description => IsSimulator
        ? "simulator (in this process, seeded users; nothing leaves this machine)"
        : $"{Name} ({BaseAddress})";

    public static CliEnvironment From(CliSettings settings)
    {
        int chosen = (settings.Environment is null ? 0 : 1) + (settings.BaseAddress is null ? 0 : 1) + (settings.Simulator ? 1 : 0);
        if (chosen != 1)
        {
            throw new UsageException(chosen == 0
                ? "Choose the environment: --environment sandbox, --environment production, --base-address <url> or --simulator."
                : "Choose one environment only: --environment, --base-address and --simulator exclude each other.");
        }

        if (settings.Simulator)
        {
            return new CliEnvironment("simulator", null);
        }

        if (settings.BaseAddress is { } text)
        {
            // The address is printed at the start of every run, so it must not carry credentials; and what was typed is not
            // echoed back, in case it did.
            if (!Uri.TryCreate(text, UriKind.Absolute, out Uri? address) || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
            {
                throw new UsageException("--base-address must be an absolute http(s) address, like https://api-sandbox.cruxconnect.com/.");
            }

            if (address.UserInfo.Length > 0)
            {
                throw new UsageException($"--base-address must not carry a user name or password: use {GlobalOptions.TokenVariable}, --token-stdin or --username.");
            }

            return new CliEnvironment("custom", address);
        }

        return settings.Environment == "production"
            ? new CliEnvironment("production", CruxEnvironments.Production)
            : new CliEnvironment("sandbox", CruxEnvironments.Sandbox);
    }
}
