namespace Crux.Connect.Internal;

/// <summary>
/// One lock per user for the sets of one client (its core), so two sets of the same user run one after the other. A
/// user's lock exists only while a set holds or waits for it: the last one out removes it, so the table never grows
/// beyond the sets in flight. The wait is bounded by the set's deadline (its scope) and its cancellation token.
/// </summary>
internal sealed class UserLocks
{
    private readonly Dictionary<Guid, Entry> _entries = [];

    /// <summary>Gets how many users have a lock now (held or awaited): zero when no set is in flight.</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Waits for <paramref name="userUuid"/>'s lock; dispose the answer to release it.</summary>
    /// <exception cref="CruxTimeoutException">The scope's deadline passed while another set of the user held the lock.</exception>
    public async ValueTask<IDisposable> EnterAsync(Guid userUuid, CruxCallScope scope, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(userUuid, out entry!))
            {
                entry = new Entry(this, userUuid);
                _entries.Add(userUuid, entry);
            }

            entry.Holders++;
        }

        try
        {
            if (!entry.Semaphore.Wait(0, CancellationToken.None))
            {
                await WaitAsync(entry.Semaphore, scope, cancellationToken).ConfigureAwait(false);
            }

            return entry;
        }
        catch
        {
            Leave(entry);
            throw;
        }
    }

    private static async Task WaitAsync(SemaphoreSlim semaphore, CruxCallScope scope, CancellationToken cancellationToken)
    {
        TimeSpan remaining = scope.Remaining();
        if (remaining == Timeout.InfiniteTimeSpan)
        {
            await semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        // The deadline on the client's clock (a fake one in tests), not the semaphore's own timer.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using ITimer timer = scope.Core.TimeProvider.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), deadline, remaining, Timeout.InfiniteTimeSpan);
        try
        {
            await semaphore.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CruxTimeoutException(
                $"Another SetPermissionsAsync of the same user on this client did not finish within the overall timeout of {scope.Timeout} (CruxClientOptions.Timeout); nothing was sent.");
        }
    }

    private void Leave(Entry entry)
    {
        lock (_entries)
        {
            if (--entry.Holders == 0)
            {
                _entries.Remove(entry.UserUuid);
            }
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The semaphore is only awaited and released, never asked for its AvailableWaitHandle: nothing to dispose.")]
    private sealed class Entry : IDisposable
    {
        private readonly UserLocks _owner;

        public Entry(UserLocks owner, Guid userUuid)
        {
            _owner = owner;
            UserUuid = userUuid;
        }

        public Guid UserUuid { get; }

        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        /// <summary>Gets or sets how many sets hold or wait for this lock (under the table's lock).</summary>
        public int Holders { get; set; }

        public void Dispose()
        {
            Semaphore.Release();
            _owner.Leave(this);
        }
    }
}
