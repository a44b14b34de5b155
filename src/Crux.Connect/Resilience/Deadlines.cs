namespace Crux.Connect.Internal;

/// <summary>Waits that end with the call's deadline even when the awaited code ignores its cancellation token.</summary>
internal static class Deadlines
{
    public static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return await task.ConfigureAwait(false);
        }

#if NET
        try
        {
            return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!task.IsCompleted)
        {
            Observe(task);
            throw;
        }
#else
        var canceled = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static s => ((TaskCompletionSource<T>)s!).TrySetCanceled(), canceled))
        {
            Task<T> first = await Task.WhenAny(task, canceled.Task).ConfigureAwait(false);
            if (first != task)
            {
                Observe(task);
                cancellationToken.ThrowIfCancellationRequested();
            }

            return await first.ConfigureAwait(false);
        }
#endif
    }

    public static async Task WaitAsync(Task task, CancellationToken cancellationToken)
    {
        static async Task<bool> AsResult(Task inner)
        {
            await inner.ConfigureAwait(false);
            return true;
        }

        await WaitAsync(AsResult(task), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An abandoned task's failure must not surface later as an unobserved exception.</summary>
    private static void Observe(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
