namespace Crux.Connect.WorkerSample;

/// <summary>Where the application keeps secrets (Azure Key Vault, AWS Secrets Manager, HashiCorp Vault…).</summary>
public interface ISecretVault
{
    /// <summary>Reads the current Crux Connect token.</summary>
    Task<string> GetCruxTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Stands in for a vault in this sample: first a token that has been rotated away, then the current one.</summary>
public sealed class RotatingVault(string stale, string current) : ISecretVault
{
    private int _reads;

    public Task<string> GetCruxTokenAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Interlocked.Increment(ref _reads) == 1 ? stale : current);
}

/// <summary>Stands in for a vault by reading an environment variable.</summary>
public sealed class EnvironmentVault(string variable) : ISecretVault
{
    public Task<string> GetCruxTokenAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Environment.GetEnvironmentVariable(variable) ?? throw new InvalidOperationException($"{variable} is not set."));
}
