using BenchmarkDotNet.Attributes;
using Crux.Connect.Benchmarks.Infrastructure;

// The SDK contender of every benchmark class: the partial methods and [Benchmark] methods that
// the classes declare for it. Kept in one file so the project compiles while the SDK does not
// exist yet (then this file is SdkBenchmarks.pending.txt and the partial methods are empty).

namespace Crux.Connect.Benchmarks;

/// <summary>The SDK as a user builds it: default options (retries on), one injected HttpClient.</summary>
internal static class SdkContender
{
    public static CruxClient Create(HttpMessageHandler handler, Uri baseAddress) =>
        new(new HttpClient(handler, disposeHandler: false), new CruxClientOptions { BaseAddress = baseAddress, ApiToken = Wire.Token });
}

public partial class RemovePermissionsBenchmarks
{
    private CruxClient _sdk = null!;

    [Benchmark]
    public Task<RemovePermissionsResult> Sdk() => _sdk.OrganizationUsers.RemovePermissionsAsync(Wire.UserUuid, _permissionUuids);

    partial void AddSdkContender(List<WireContender> contenders) =>
        contenders.Add(new("Sdk", handler =>
        {
            CruxClient client = SdkContender.Create(handler, new Uri(Wire.BaseAddress));
            return () => client.OrganizationUsers.RemovePermissionsAsync(Wire.UserUuid, _permissionUuids);
        }, OwnUserAgent: true));

    partial void SetupSdk(HttpMessageHandler handler) => _sdk = SdkContender.Create(handler, new Uri(Wire.BaseAddress));
}

public partial class GetPermissionsBenchmarks
{
    private CruxClient _sdk = null!;

    [Benchmark]
    public Task<IReadOnlyList<PermissionAssignment>> Sdk() => _sdk.OrganizationUsers.GetPermissionsAsync(Wire.UserUuid);

    partial void AddSdkContender(List<WireContender> contenders) =>
        contenders.Add(new("Sdk", handler =>
        {
            CruxClient client = SdkContender.Create(handler, new Uri(Wire.BaseAddress));
            return async () =>
            {
                var permissions = await client.OrganizationUsers.GetPermissionsAsync(Wire.UserUuid);
                if (permissions.Count != PermissionsDocument.EntryCount)
                {
                    throw new InvalidOperationException($"Sdk parsed {permissions.Count} entries, the answer has {PermissionsDocument.EntryCount}.");
                }
            };
        }, OwnUserAgent: true));

    partial void SetupSdk(HttpMessageHandler handler) => _sdk = SdkContender.Create(handler, new Uri(Wire.BaseAddress));
}

public partial class LoopbackThroughputBenchmarks
{
    private CruxClient _sdk = null!;

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public Task Sdk() => RunCallersAsync(_sdk, static (client, uuids) => client.OrganizationUsers.RemovePermissionsAsync(Wire.UserUuid, uuids));

    partial void SetupSdk(HttpMessageHandler transport, Uri baseAddress) => _sdk = SdkContender.Create(transport, baseAddress);

    partial void CheckSdk() => _sdk.OrganizationUsers.RemovePermissionsAsync(Wire.UserUuid, _permissionUuids).GetAwaiter().GetResult();
}
