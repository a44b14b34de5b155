using Crux.Connect.Internal;

namespace Crux.Connect.Bulk;

/// <summary>
/// Applies one single-user change to many users with bounded concurrency. Each try is one call whose pipeline retries
/// only connect failures; this runner owns every other retry, so it sees every 429: any 429 closes the shared
/// <see cref="RateLimitGate"/> for its Retry-After and every worker waits there before its next try. A failure ends that
/// user's change (recorded in its outcome), never the operation; cancellation stops new work and reports what was done.
/// </summary>
internal sealed class BulkRunner<TResult>
    where TResult : class
{
    private readonly Guid[] _users;
    private readonly Func<Guid, CancellationToken, Task<TResult>> _tryOnce;
    private readonly CruxClientSettings? _settings;
    private readonly TimeProvider _timeProvider;
    private readonly CruxBulkOptions _options;
    private readonly IProgress<CruxBulkProgress>? _progress;
    private readonly RateLimitGate _gate;
    private readonly CruxBulkOutcome<TResult>?[] _outcomes;
    private readonly object _progressLock = new();
    private int _next = -1;
    private int _succeeded;
    private int _failed;
    private int _rateLimited;
    private int _pauses;
    private int _retries;
    private Exception? _progressFailure;

    public BulkRunner(
        Guid[] users,
        Func<Guid, CancellationToken, Task<TResult>> tryOnce,
        CruxClientSettings? settings,
        TimeProvider timeProvider,
        CruxBulkOptions options,
        IProgress<CruxBulkProgress>? progress)
    {
        _users = users;
        _tryOnce = tryOnce;
        _settings = settings;
        _timeProvider = timeProvider;
        _options = options;
        _progress = progress;
        _gate = new RateLimitGate(timeProvider);
        _outcomes = new CruxBulkOutcome<TResult>?[users.Length];
    }

    public async Task<CruxBulkResult<TResult>> RunAsync(CancellationToken cancellationToken)
    {
        long started = _timeProvider.GetTimestamp();
        Report();
        int workerCount = Math.Min(_options.MaxConcurrency, _users.Length);
        var workers = new Task[workerCount];
        for (int i = 0; i < workerCount; i++)
        {
            // On the thread pool: a handler that answers synchronously must not let the first worker run the whole list.
            workers[i] = Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);

        var pending = new List<Guid>();
        var completed = new List<CruxBulkOutcome<TResult>>(_users.Length);
        for (int i = 0; i < _users.Length; i++)
        {
            if (_outcomes[i] is { } outcome)
            {
                completed.Add(outcome);
            }
            else
            {
                pending.Add(_users[i]);
            }
        }

        if (pending.Count > 0)
        {
            // Only cancellation leaves a user without an outcome; the finished ones travel with the exception.
            throw CruxBulkCanceledException.Create<TResult>(Snapshot(), completed, pending, cancellationToken);
        }

        return new CruxBulkResult<TResult>(completed, _rateLimited, _pauses, _retries, _timeProvider.GetElapsedTime(started))
        {
            ProgressException = Volatile.Read(ref _progressFailure),
        };
    }

    /// <summary>
    /// Tells the caller's progress handler, which is outside code: if it throws, it is not called again and its exception is
    /// kept for the result (<see cref="CruxBulkResult{TResult}.ProgressException"/>), but the run goes on and every user is
    /// still accounted for. Stopping half-way would leave changes in flight with nobody told about them.
    /// </summary>
    private void Report()
    {
        if (_progress is null || Volatile.Read(ref _progressFailure) is not null)
        {
            return;
        }

        try
        {
            _progress.Report(Snapshot());
        }
        catch (Exception exception)
        {
            Interlocked.CompareExchange(ref _progressFailure, exception, null);
        }
    }

    private CruxBulkProgress Snapshot() => new(_users.Length, Volatile.Read(ref _succeeded), Volatile.Read(ref _failed), Volatile.Read(ref _rateLimited));

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            int index = Interlocked.Increment(ref _next);
            if (index >= _users.Length)
            {
                return;
            }

            CruxBulkOutcome<TResult>? outcome = await ChangeUserAsync(_users[index], cancellationToken).ConfigureAwait(false);
            if (outcome is null)
            {
                return;
            }

            _outcomes[index] = outcome;
            lock (_progressLock)
            {
                // Counted and reported under one lock, so reports arrive in order and never go down.
                if (outcome.IsSuccess)
                {
                    _succeeded++;
                }
                else
                {
                    _failed++;
                }

                Report();
            }
        }
    }

    /// <summary>One user's change with its retries; <see langword="null"/> when cancelled before it finished.</summary>
    private async Task<CruxBulkOutcome<TResult>?> ChangeUserAsync(Guid user, CancellationToken cancellationToken)
    {
        int transientRetries = 0;
        int rateLimitRetries = 0;
        while (true)
        {
            try
            {
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                TResult result = await _tryOnce(user, cancellationToken).ConfigureAwait(false);
                return new CruxBulkOutcome<TResult>(user, result, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (CruxRateLimitException exception)
            {
                Interlocked.Increment(ref _rateLimited);
                if (_gate.Close(Delay(rateLimitRetries, exception.RetryAfter)))
                {
                    Interlocked.Increment(ref _pauses);
                }

                if (rateLimitRetries++ >= _options.MaxRateLimitRetries)
                {
                    return new CruxBulkOutcome<TResult>(user, null, exception);
                }

                Interlocked.Increment(ref _retries);
            }
            catch (Exception exception) when (_settings is not null && transientRetries < _settings.MaxRetries && TransientFailures.IsTransient(exception, isIdempotent: true))
            {
                // Adding or removing a permission twice lands in the same state, so any transient failure may be retried.
                TimeSpan delay = Delay(transientRetries++, (exception as CruxApiException)?.ServerRetryAfter);
                Interlocked.Increment(ref _retries);
                try
                {
                    await TimeProviderDelay.DelayAsync(_timeProvider, delay, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return null;
                }
            }
            catch (Exception exception)
            {
                return new CruxBulkOutcome<TResult>(user, null, exception);
            }
        }
    }

    /// <summary>The client's own backoff (Retry-After first, capped by <see cref="CruxRetryOptions.MaxDelay"/>), so a bulk run waits as a single call would.</summary>
    private TimeSpan Delay(int attempt, TimeSpan? retryAfter) =>
        _settings is not null
            ? CruxResilience.ComputeDelay(attempt, retryAfter, _settings, Jitter.Shared())
            : retryAfter ?? TimeSpan.FromSeconds(1);
}
