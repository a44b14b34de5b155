using System.Runtime.CompilerServices;
using Polly;

namespace Crux.Connect.Internal;

/// <summary>
/// The retry strategy of the client's Polly pipeline: up to <see cref="CruxClientSettings.MaxRetries"/> more
/// attempts after a transient failure (<see cref="CruxResilience.ShouldRetry"/> decides, with the backoff,
/// Retry-After and the overall deadline), the telemetry told before each wait, the wait on the
/// <see cref="TimeProvider"/> and cancelled by the caller. A success returns straight away: no predicate, no
/// timestamps, no outcome conversion. (Polly's general retry strategy pays for all of those on every call,
/// about a fifth of a whole in-memory call; this one only when a call fails.)
/// </summary>
internal sealed class CruxRetryStrategy : ResilienceStrategy
{
    private readonly CruxClientSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly Func<double> _jitter;

    public CruxRetryStrategy(CruxClientSettings settings, TimeProvider timeProvider, Func<double> jitter)
    {
        _settings = settings;
        _timeProvider = timeProvider;
        _jitter = jitter;
    }

#if NET
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
#endif
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback, ResilienceContext context, TState state)
    {
        for (int attempt = 0; ; attempt++)
        {
            Outcome<TResult> outcome;
            try
            {
                outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            }
            catch (Exception exception)
            {
                outcome = Outcome.FromException<TResult>(exception);
            }

            if (outcome.Exception is not { } failure
                || attempt >= _settings.MaxRetries
                || context.CancellationToken.IsCancellationRequested
                || !CruxResilience.ShouldRetry(failure, attempt, context, _settings, _timeProvider, _jitter, out TimeSpan delay))
            {
                return outcome;
            }

            // Told before the wait: the log, the activity event and the counter see the delay about to be waited.
            if (context.Properties.TryGetValue(CruxResilience.CallState, out CruxCallState? call) && call.Telemetry is { } telemetry)
            {
                telemetry.Retrying(failure, delay);
            }

            if (delay > TimeSpan.Zero)
            {
                try
                {
#if NET
                    await Task.Delay(delay, _timeProvider, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
#else
                    await _timeProvider.Delay(delay, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
#endif
                }
                catch (OperationCanceledException exception)
                {
                    return Outcome.FromException<TResult>(exception);
                }
            }
        }
    }
}
