using System.Net;
using BenchmarkDotNet.Attributes;
using Crux.Connect.Benchmarks.Contenders;
using Crux.Connect.Benchmarks.Infrastructure;
using RestSharp;

namespace Crux.Connect.Benchmarks;

/// <summary>
/// Client overhead of Remove User Permissions against the in-memory 204 handler: everything a
/// call costs except the network. Every contender sends the same request (checked in setup).
/// The SDK contender lives in SdkBenchmarks.cs.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public partial class RemovePermissionsBenchmarks
{
    private readonly NoContentHandler _handler = new();
    private Guid[] _permissionUuids = [];
    private HandWrittenClient _handWritten = null!;
    private PollyFloorClient _pollyFloor = null!;
    private ICruxRefitApi _refit = null!;
    private RefitResilient _refitResilient = null!;
    private RestClient _restSharp = null!;

    [Params(2, 50)]
    public int PermissionCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        HandlerAllocationCheck.AssertOnlyTheResponseIsAllocated();
        _permissionUuids = Wire.PermissionUuids(PermissionCount);

        var contenders = new List<WireContender>
        {
            new("HandWritten", handler => { var c = ContenderFactory.HandWritten(handler); return () => c.RemovePermissionsAsync(Wire.UserUuid, _permissionUuids); }),
            new("PollyFloor", handler => { var c = ContenderFactory.PollyFloor(handler); return () => c.RemovePermissionsAsync(Wire.UserUuid, _permissionUuids); }),
            new("Refit", handler => { var c = ContenderFactory.Refit(handler); return () => ContenderFactory.RefitRemoveAsync(c, Wire.UserUuid, _permissionUuids); }),
            new("RefitResilient", handler => { var c = ContenderFactory.RefitResilient(handler); return () => ContenderFactory.RefitRemoveAsync(c.Api, Wire.UserUuid, _permissionUuids); }),
            new("RestSharp", handler => { var c = ContenderFactory.RestSharp(handler); return () => ContenderFactory.RestSharpRemoveAsync(c, Wire.UserUuid, _permissionUuids); }),
        };
        AddSdkContender(contenders);
        WireCheck.AssertSameRequests(contenders, HttpStatusCode.NoContent);

        _handWritten = ContenderFactory.HandWritten(_handler);
        _pollyFloor = ContenderFactory.PollyFloor(_handler);
        _refit = ContenderFactory.Refit(_handler);
        _refitResilient = ContenderFactory.RefitResilient(_handler);
        _restSharp = ContenderFactory.RestSharp(_handler);
        SetupSdk(_handler);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _restSharp.Dispose();
        _refitResilient.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task HandWritten() => _handWritten.RemovePermissionsAsync(Wire.UserUuid, _permissionUuids);

    /// <summary>The floor inside a Polly v8 pipeline with the SDK's default retry and timeouts.</summary>
    [Benchmark]
    public Task PollyFloor() => _pollyFloor.RemovePermissionsAsync(Wire.UserUuid, _permissionUuids);

    /// <summary>Refit with Microsoft.Extensions.Http.Resilience's standard handler.</summary>
    [Benchmark]
    public Task RefitResilient() => ContenderFactory.RefitRemoveAsync(_refitResilient.Api, Wire.UserUuid, _permissionUuids);

    [Benchmark]
    public Task Refit() => ContenderFactory.RefitRemoveAsync(_refit, Wire.UserUuid, _permissionUuids);

    [Benchmark]
    public Task RestSharp() => ContenderFactory.RestSharpRemoveAsync(_restSharp, Wire.UserUuid, _permissionUuids);

    /// <summary>Adds the SDK to the wire check once the SDK exists (SdkBenchmarks.cs).</summary>
    partial void AddSdkContender(List<WireContender> contenders);

    partial void SetupSdk(HttpMessageHandler handler);
}
