using Crux.Connect.Internal;

namespace Crux.Connect.Bulk;

/// <summary>
/// Applies one single-user change to many users with bounded concurrency. Each user's change is one call, whose pipeline
/// owns its retries; the run hands each change its <see cref="RetryGroup"/> (explicitly, never ambient), so any 429 pauses every
/// worker together, a rate-limited user is retried before any new user starts, and the number of users in flight adapts
/// (<see cref="AdaptiveLimit"/>): <see cref="RetryGroup.StartUserAsync"/> decides when the next user may start. A failure
/// ends that user's change (recorded in its outcome), never the operation. Two ways to end early, each accounting for every
/// user exactly once (done, not started, abandoned): the stop token (<see cref="CruxBulkOptions.StopToken"/>) starts no new
/// user and lets those in flight finish; the cancellation token also abandons those in flight.
/// </summary>
internal sealed class BulkRunner<TResult>
    where TResult : class
{
    private readonly Guid[] _users;
    private readonly Func<Guid, RetryGroup, CancellationToken, Task<TResult>> _change;
    private readonly TimeProvider _timeProvider;
    private readonly CruxBulkOptions _options;
    private readonly IProgress<CruxBulkProgress>? _progress;
    private readonly IProgress<CruxBulkOutcome<TResult>>? _outcomeProgress;
    private readonly RetryGroup _group;
    private readonly CruxBulkOutcome<TResult>?[] _outcomes;
    private readonly bool[] _started;
    private readonly object _progressLock = new();
    private int _next = -1;
    private int _succeeded;
    private int _failed;
    private Exception? _progressFailure;

    public BulkRunner(
        Guid[] users,
        Func<Guid, RetryGroup, CancellationToken, Task<TResult>> change,
        TimeProvider timeProvider,
        CruxBulkOptions options,
        IProgress<CruxBulkProgress>? progress,
        IProgress<CruxBulkOutcome<TResult>>? outcomeProgress = null)
    {
        _users = users;
        _change = change;
        _timeProvider = timeProvider;
        _options = options;
        _progress = progress;
        _outcomeProgress = outcomeProgress;
        _group = new RetryGroup(timeProvider, options.MaxRateLimitRetries, options.MaxConcurrency);
        _outcomes = new CruxBulkOutcome<TResult>?[users.Length];
        _started = new bool[users.Length];
    }

    public async Task<CruxBulkResult<TResult>> RunAsync(CancellationToken cancellationToken)
    {
        long started = _timeProvider.GetTimestamp();
        Report();
        int workerCount = Math.Min(_options.MaxConcurrency, _users.Length);
        var workers = new Task[workerCount];
        CancellationToken stop = _options.StopToken;

        // What ends a wait to start a user: a stop or a cancellation. What a user's change runs under: the cancellation only.
        using (var startToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop))
        {
            for (int i = 0; i < workerCount; i++)
            {
                // On the thread pool: a handler that answers synchronously must not let the first worker run the whole list.
                workers[i] = Task.Run(() => WorkAsync(startToken.Token, cancellationToken), CancellationToken.None);
            }

            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        var pending = new List<Guid>();
        var notStarted = new List<Guid>();
        var abandoned = new List<Guid>();
        var completed = new List<CruxBulkOutcome<TResult>>(_users.Length);
        for (int i = 0; i < _users.Length; i++)
        {
            if (_outcomes[i] is { } outcome)
            {
                completed.Add(outcome);
                continue;
            }

            pending.Add(_users[i]);
            (_started[i] ? abandoned : notStarted).Add(_users[i]);
        }

        if (pending.Count > 0)
        {
            // Only a stop or a cancellation leaves a user without an outcome; the finished ones travel with the exception.
            bool stopped = !cancellationToken.IsCancellationRequested;
            throw CruxBulkCanceledException.Create(Snapshot(), completed, pending, notStarted, abandoned, stopped, stopped ? stop : cancellationToken);
        }

        return new CruxBulkResult<TResult>(completed, _group.RateLimitedResponses, _group.Pauses, _group.Retries, _timeProvider.GetElapsedTime(started))
        {
            ProgressException = Volatile.Read(ref _progressFailure),
        };
    }

    /// <summary>
    /// Tells the caller's progress handler, which is outside code: if it throws, it is not called again and its exception is
    /// kept for the result (<see cref="CruxBulkResult{TResult}.ProgressException"/>), but the run goes on and every user is
    /// still accounted for. Stopping half-way would leave changes in flight with nobody told about them.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The caller's IProgress<T> may throw anything; it is recorded once and reported on the result, never allowed to end the run.")]
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

    /// <summary>Tells the caller's per-user handler one user's outcome, before the counts that include it; a handler that throws is
    /// treated as <see cref="Report()"/> treats a throwing progress handler (kept, never called again, the run goes on).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "The caller's IProgress<T> may throw anything; it is recorded once and reported on the result, never allowed to end the run.")]
    private void Report(CruxBulkOutcome<TResult> outcome)
    {
        if (_outcomeProgress is null || Volatile.Read(ref _progressFailure) is not null)
        {
            return;
        }

        try
        {
            _outcomeProgress.Report(outcome);
        }
        catch (Exception exception)
        {
            Interlocked.CompareExchange(ref _progressFailure, exception, null);
        }
    }

    private CruxBulkProgress Snapshot() => new(_users.Length, Volatile.Read(ref _succeeded), Volatile.Read(ref _failed), _group.RateLimitedResponses);

    private async Task WorkAsync(CancellationToken startToken, CancellationToken cancellationToken)
    {
        while (!startToken.IsCancellationRequested)
        {
            int index = Interlocked.Increment(ref _next);
            if (index >= _users.Length)
            {
                return;
            }

            try
            {
                // Waits for the run's 429 pause, for rate-limited retries to go first, and for a place under the adaptive limit.
                await _group.StartUserAsync(startToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (startToken.IsCancellationRequested)
            {
                return; // this user and those after it are not started
            }

            if (startToken.IsCancellationRequested)
            {
                _group.UserDone();
                return;
            }

            _started[index] = true;
            CruxBulkOutcome<TResult>? outcome;
            try
            {
                outcome = await ChangeUserAsync(_users[index], cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _group.UserDone();
            }

            if (outcome is null)
            {
                return;
            }

            Volatile.Write(ref _outcomes[index], outcome);
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

                Report(outcome);
                Report();
            }
        }
    }

    /// <summary>One user's change; <see langword="null"/> when cancelled before it finished (abandoned in flight).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Whatever ends one user's change is that user's failed outcome, never the whole run's.")]
    private async Task<CruxBulkOutcome<TResult>?> ChangeUserAsync(Guid user, CancellationToken cancellationToken)
    {
        try
        {
            return new CruxBulkOutcome<TResult>(user, await _change(user, _group, cancellationToken).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception exception)
        {
            return new CruxBulkOutcome<TResult>(user, null, exception);
        }
    }
}
