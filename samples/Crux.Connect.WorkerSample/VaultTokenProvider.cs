using Crux.Connect;

namespace Crux.Connect.WorkerSample;

/// <summary>
/// Hands the SDK the vault's token, read once and cached; after a 401 the SDK calls <see cref="InvalidateAsync"/> and the
/// next call reads the vault again (a token rotated since is picked up without a restart). Registered as a singleton:
/// the SDK calls it concurrently, so the cache is a single field swapped atomically.
/// </summary>
public sealed class VaultTokenProvider(ISecretVault vault, ILogger<VaultTokenProvider> logger) : ICruxTokenProvider
{
    private Task<string>? _token;
    private int _invalidations;

    /// <summary>How many times a token the SDK reported as rejected was dropped from the cache (Program.cs reports it when
    /// CRUX_SAMPLE_RESULT is set).</summary>
    public int Invalidations => Volatile.Read(ref _invalidations);

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        Task<string> token = Volatile.Read(ref _token) ?? Interlocked.CompareExchange(ref _token, vault.GetCruxTokenAsync(cancellationToken), null) ?? _token!;
        return await token;
    }

    public ValueTask InvalidateAsync(string rejectedToken, CancellationToken cancellationToken)
    {
        // Never log the token itself.
        logger.LogInformation("Crux Connect rejected the cached token; reading the vault again");
        Task<string>? current = Volatile.Read(ref _token);
        if (current is { IsCompletedSuccessfully: true } && current.Result == rejectedToken
            && Interlocked.CompareExchange(ref _token, null, current) == current)
        {
            Interlocked.Increment(ref _invalidations);
        }

        return ValueTask.CompletedTask;
    }
}
