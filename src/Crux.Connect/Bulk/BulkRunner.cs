using Crux.Connect.Internal;

namespace Crux.Connect.Bulk;

/// <summary>
/// Applies one single-user change to many users with bounded concurrency. Each user's change is one call, whose pipeline
/// owns its retries; the run hands each change its <see cref="RetryGroup"/> (explicitly, never ambient), so any 429 pauses every
/// worker together (each waits at the group's gate before starting a user, and the pipeline before each retry). A
/// failure ends that user's change (recorded in its outcome), never the operation; cancellation stops new work and
/// reports what was done.
/// </summary>
internal sealed class BulkRunner<TResult>
    where TResult : class
{
    private readonly Guid[] _users;
    private readonly Func<Guid, RetryGroup, CancellationToken, Task<TResult>> _change;
    private readonly TimeProvider _timeProvider;
    private readonly CruxBulkOptions _options;
    private readonly IProgress<CruxBulkProgress>? _progress;
    private readonly RetryGroup _group;
    private readonly CruxBulkOutcome<TResult>?[] _outcomes;
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
        IProgress<CruxBulkProgress>? progress)
    {
        _users = users;
        _change = change;
        _timeProvider = timeProvider;
        _options = options;
        _progress = progress;
        _group = new RetryGroup(timeProvider, options.MaxRateLimitRetries);
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

    private CruxBulkProgress Snapshot() => new(_users.Length, Volatile.Read(ref _succeeded), Volatile.Read(ref _failed), _group.RateLimitedResponses);

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

    /// <summary>One user's change, once the run's 429 pause (if any) is over; <see langword="null"/> when cancelled before it finished.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Whatever ends one user's change is that user's failed outcome, never the whole run's.")]
    private async Task<CruxBulkOutcome<TResult>?> ChangeUserAsync(Guid user, CancellationToken cancellationToken)
    {
        try
        {
            await _group.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
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
