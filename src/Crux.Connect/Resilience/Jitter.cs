namespace Crux.Connect.Internal;

/// <summary>A thread-safe source of jitter in [0, 1).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Jitter spreads clients' retries apart; nothing about it is secret.")]
internal static class Jitter
{
#if NET
    public static readonly Func<double> Shared = static () => Random.Shared.NextDouble();
#else
    private static readonly Random Random = new();
    public static readonly Func<double> Shared = static () =>
    {
        lock (Random)
        {
            return Random.NextDouble();
        }
    };
#endif
}
