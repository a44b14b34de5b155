using System.Net;
using BenchmarkDotNet.Attributes;
using Crux.Connect.Benchmarks.Contenders;
using Crux.Connect.Benchmarks.Infrastructure;

namespace Crux.Connect.Benchmarks;

/// <summary>
/// Get User Permissions against the in-memory handler answering the documented JSON (21
/// entries): request plus source-generated parsing. The floor streams the body into
/// <c>JsonSerializer.DeserializeAsync</c>; reading it into a pooled buffer and parsing the span
/// synchronously measured no faster for this 5 KB answer. The SDK contender lives in SdkBenchmarks.cs.
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
            new("HandWritten", handler => { var c = ContenderFactory.HandWritten(handler); return () => CheckedAsync("HandWritten", c.GetPermissionsAsync(Wire.UserUuid)); }),
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

    private static async Task CheckedAsync(string name, Task<List<PermissionAssignmentDto>> call)
    {
        var permissions = await call;
        if (permissions.Count != PermissionsDocument.EntryCount || permissions[^1].Permission.Name != "edit_supplier_catalogs")
        {
            throw new InvalidOperationException($"{name} parsed {permissions.Count} entries, the answer has {PermissionsDocument.EntryCount}.");
        }
    }

    partial void AddSdkContender(List<WireContender> contenders);

    partial void SetupSdk(HttpMessageHandler handler);
}
