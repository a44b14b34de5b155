using BenchmarkDotNet.Attributes;
using Crux.Connect.Benchmarks.Contenders;
using Crux.Connect.Benchmarks.Infrastructure;
using Crux.Connect.TestSupport;

namespace Crux.Connect.Benchmarks;

/// <summary>
/// End to end over loopback Kestrel (same process): 64 concurrent callers each doing
/// <see cref="OperationsPerCaller"/> Remove User Permissions calls (2 or 50 uuids) over one shared
/// HttpClient with a default SocketsHttpHandler. Mean is per call (OperationsPerInvoke), so
/// throughput = 1 s / Mean. Allocated includes Kestrel's own allocations (the server runs in the
/// benchmark process) — equal for every contender, so Alloc Ratio understates client differences.
/// The SDK contender lives in SdkBenchmarks.cs.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public partial class LoopbackThroughputBenchmarks
{
    public const int Callers = 64;
    public const int OperationsPerCaller = 16;
    private const int OperationsPerInvoke = Callers * OperationsPerCaller;

    private Guid[] _permissionUuids = [];
    private LoopbackServer _server = null!;
    private SocketsHttpHandler _transport = null!;
    private HandWrittenClient _handWritten = null!;
    private PollyFloorClient _pollyFloor = null!;
    private RefitResilient _refitResilient = null!;

    [Params(2, 50)]
    public int PermissionCount { get; set; } = 2;

    [GlobalSetup]
    public void Setup()
    {
        _permissionUuids = Wire.PermissionUuids(PermissionCount);
        _server = LoopbackServer.StartAsync(RemovePermissionsEndpoint.AnswerAsync).GetAwaiter().GetResult();
        _transport = new SocketsHttpHandler();
        string baseAddress = _server.BaseAddress.AbsoluteUri;
        _handWritten = ContenderFactory.HandWritten(_transport, baseAddress);
        _pollyFloor = ContenderFactory.PollyFloor(_transport, baseAddress);
        _refitResilient = ContenderFactory.RefitResilient(_transport, baseAddress);
        SetupSdk(_transport, _server.BaseAddress);

        // One call each before measuring: the server answers 411/400 (and the caller throws)
        // unless the body arrived whole with a Content-Length.
        _handWritten.RemovePermissionsAsync(Wire.UserUuid, _permissionUuids).GetAwaiter().GetResult();
        _pollyFloor.RemovePermissionsAsync(Wire.UserUuid, _permissionUuids).GetAwaiter().GetResult();
        ContenderFactory.RefitRemoveAsync(_refitResilient.Api, Wire.UserUuid, _permissionUuids).GetAwaiter().GetResult();
        CheckSdk();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _refitResilient.Dispose();
        _transport.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OperationsPerInvoke)]
    public Task HandWritten() => RunCallersAsync(_handWritten, static (client, uuids) => client.RemovePermissionsAsync(Wire.UserUuid, uuids));

    /// <summary>The floor inside a Polly v8 pipeline with the SDK's default retry and timeouts.</summary>
    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public Task PollyFloor() => RunCallersAsync(_pollyFloor, static (client, uuids) => client.RemovePermissionsAsync(Wire.UserUuid, uuids));

    /// <summary>Refit with Microsoft.Extensions.Http.Resilience's standard handler.</summary>
    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public Task RefitResilient() => RunCallersAsync(_refitResilient.Api, static (api, uuids) => ContenderFactory.RefitRemoveAsync(api, Wire.UserUuid, uuids));

    private Task RunCallersAsync<TClient>(TClient client, Func<TClient, Guid[], Task> call)
    {
        var callers = new Task[Callers];
        Guid[] uuids = _permissionUuids;
        for (int i = 0; i < callers.Length; i++)
        {
            callers[i] = Task.Run(async () =>
            {
                for (int n = 0; n < OperationsPerCaller; n++)
                {
                    await call(client, uuids);
                }
            });
        }

        return Task.WhenAll(callers);
    }

    partial void SetupSdk(HttpMessageHandler transport, Uri baseAddress);

    partial void CheckSdk();
}
