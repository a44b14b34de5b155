namespace Crux.Connect.Internal;

/// <summary>A thread-safe source of jitter in [0, 1).</summary>
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
