using System.Net;
using BenchmarkDotNet.Attributes;
using Crux.Connect.Benchmarks.Contenders;
using Crux.Connect.Benchmarks.Infrastructure;

namespace Crux.Connect.Benchmarks;

/// <summary>
/// Get User Permissions against the in-memory handler answering the documented JSON (21
/// entries): request plus source-generated parsing. The SDK contender lives in SdkBenchmarks.cs.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public partial class GetPermissionsBenchmarks
{
    private readonly PermissionsJsonHandler _handler = new();
    private HandWrittenClient _handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        var contenders = new List<WireContender>
        {
            new("HandWritten", handler => { var c = ContenderFactory.HandWritten(handler); return () => CheckedGetAsync(c); }),
        };
        AddSdkContender(contenders);
        WireCheck.AssertSameRequests(contenders, HttpStatusCode.OK);

        _handWritten = ContenderFactory.HandWritten(_handler);
        SetupSdk(_handler);
    }

    [GlobalCleanup]
    public void Cleanup() => _handler.Dispose();

    [Benchmark(Baseline = true)]
    public Task<List<PermissionAssignmentDto>> HandWritten() => _handWritten.GetPermissionsAsync(Wire.UserUuid);

    private static async Task CheckedGetAsync(HandWrittenClient client)
    {
        var permissions = await client.GetPermissionsAsync(Wire.UserUuid);
        if (permissions.Count != PermissionsDocument.EntryCount)
        {
            throw new InvalidOperationException($"HandWritten parsed {permissions.Count} entries, the answer has {PermissionsDocument.EntryCount}.");
        }
    }

    partial void AddSdkContender(List<WireContender> contenders);

    partial void SetupSdk(HttpMessageHandler handler);
}
