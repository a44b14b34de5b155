namespace Crux.Connect.Internal;

/// <summary>
/// The retry jitter, drawn so that the wait is a pure function of the call and the attempt: each call draws one random seed
/// when it starts (<see cref="NextSeed"/>), and the jitter of attempt <c>n</c> is a hash of (seed, n) (<see cref="At"/>).
/// So the retry predicate (which must know the wait, to refuse one that would end past the deadline) and the delay
/// generator (which hands the wait to Polly) compute the same wait without either of them storing it, and many clients
/// failing together still draw different waits.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Jitter spreads clients' retries apart; nothing about it is secret.")]
internal static class Jitter
{
#if !NET
    private static readonly Random Random = new();
#endif

    /// <summary>A call's seed: one random draw per call, none per attempt.</summary>
    public static ulong NextSeed()
    {
#if NET
        return unchecked((ulong)Random.Shared.NextInt64(long.MinValue, long.MaxValue));
#else
        lock (Random)
        {
            return unchecked(((ulong)(uint)Random.Next() << 32) ^ ((ulong)(uint)Random.Next() << 1) ^ (uint)Random.Next());
        }
#endif
    }

    /// <summary>The jitter in [0, 1) of attempt <paramref name="attempt"/> of the call seeded <paramref name="seed"/>: the same arguments, the same value.</summary>
    public static double At(ulong seed, int attempt)
    {
        // SplitMix64's step and finalizer: consecutive attempts of one seed give unrelated values.
        unchecked
        {
            ulong z = seed + ((ulong)(uint)attempt * 0x9E3779B97F4A7C15UL);
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
