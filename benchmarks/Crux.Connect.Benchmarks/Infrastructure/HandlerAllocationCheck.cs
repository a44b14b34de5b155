using System.Net;

namespace Crux.Connect.Benchmarks.Infrastructure;

/// <summary>
/// Proves that the 204 handler allocates nothing per call beyond its response and the task that
/// carries it, so every byte in the benchmark's Allocated column is the contender's own.
/// </summary>
internal static class HandlerAllocationCheck
{
    private const int Calls = 1_000;

    public static void AssertOnlyTheResponseIsAllocated()
    {
        using var handler = new NoContentHandler();
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(Wire.BaseAddress + Wire.PermissionsPath));
        request.Content = new ByteArrayContent([1, 2, 3]);

        long handlerBytes = Measure(() => invoker.SendAsync(request, CancellationToken.None).Result.Dispose());
        long responseBytes = Measure(() => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent) { RequestMessage = request }).Result.Dispose());
        if (handlerBytes > responseBytes)
        {
            throw new InvalidOperationException(
                $"{nameof(NoContentHandler)} allocates {handlerBytes} B per call; a response and its task take {responseBytes} B.");
        }
    }

    private static long Measure(Action call)
    {
        for (int i = 0; i < Calls; i++)
        {
            call();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }
}
