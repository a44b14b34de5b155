namespace Crux.Connect.Internal;

/// <summary>A delay on the injected clock, on every target framework (tests advance a fake clock instead of sleeping).</summary>
internal static class TimeProviderDelay
{
    public static Task DelayAsync(TimeProvider timeProvider, TimeSpan delay, CancellationToken cancellationToken) =>
#if NET
        Task.Delay(delay, timeProvider, cancellationToken);
#else
        timeProvider.Delay(delay, cancellationToken);
#endif
}
