using System.Diagnostics;

namespace Crux.Connect.Benchmarks;

/// <summary>
/// The loopback harness that decides whether an optimization pays: the floor (hand-written HttpClient code) and the SDK
/// alternate in one process against the same Kestrel on 127.0.0.1 (64 callers, 16 calls each per invocation), the order
/// swapped every round, so both see the same machine state. Prints the per-round median time ratio (SDK / floor), the
/// throughput ratio and the bytes allocated per call (client and server). Run:
/// <c>dotnet run -c Release --project benchmarks/Crux.Connect.Benchmarks -- --interleaved [rounds] [polly] [uuids]</c>:
/// with <c>polly</c> the reference is the floor inside a Polly pipeline (<c>PollyFloor</c>) instead of the bare floor;
/// <c>uuids</c> is 2 (the default) or any other count.
/// </summary>
internal static class InterleavedLoopback
{
    private const int InvocationsPerRound = 10;

    public static int Run(int rounds, bool pollyFloor = false, int permissionCount = 2)
    {
        var benchmarks = new LoopbackThroughputBenchmarks { PermissionCount = permissionCount };
        benchmarks.Setup();
        Func<Task> reference = pollyFloor ? benchmarks.PollyFloor : benchmarks.HandWritten;
        try
        {
            for (int i = 0; i < 5; i++)
            {
                Measure(reference);
                Measure(benchmarks.Sdk);
            }

            var ratios = new List<double>(rounds);
            long floorBytes = 0, sdkBytes = 0, floorCalls = 0, sdkCalls = 0;
            for (int round = 0; round < rounds; round++)
            {
                (TimeSpan Time, long Bytes) floor, sdk;
                if (round % 2 == 0)
                {
                    floor = Measure(reference);
                    sdk = Measure(benchmarks.Sdk);
                }
                else
                {
                    sdk = Measure(benchmarks.Sdk);
                    floor = Measure(reference);
                }

                ratios.Add(sdk.Time.TotalMilliseconds / floor.Time.TotalMilliseconds);
                floorBytes += floor.Bytes;
                sdkBytes += sdk.Bytes;
                floorCalls += CallsPerRound;
                sdkCalls += CallsPerRound;
            }

            ratios.Sort();
            double median = ratios[ratios.Count / 2];
            Console.WriteLine($"rounds {rounds}, {CallsPerRound} calls per contender per round, {permissionCount} uuids, reference: {(pollyFloor ? "PollyFloor" : "HandWritten")}");
            Console.WriteLine($"time ratio SDK/floor: median {median:0.000} (min {ratios[0]:0.000}, max {ratios[^1]:0.000}); throughput {1 / median:0.000}x the floor");
            Console.WriteLine($"bytes per call: floor {floorBytes / floorCalls:N0} B, SDK {sdkBytes / sdkCalls:N0} B ({(double)sdkBytes / floorBytes:0.000}x)");
            return 0;
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static long CallsPerRound => (long)InvocationsPerRound * LoopbackThroughputBenchmarks.Callers * LoopbackThroughputBenchmarks.OperationsPerCaller;

    private static (TimeSpan Time, long Bytes) Measure(Func<Task> invoke)
    {
        long bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < InvocationsPerRound; i++)
        {
            invoke().GetAwaiter().GetResult();
        }

        return (clock.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - bytes);
    }
}
