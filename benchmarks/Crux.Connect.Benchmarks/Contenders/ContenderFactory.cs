using Crux.Connect.Benchmarks.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using RestSharp;
using RestSharp.Serializers.Json;

namespace Crux.Connect.Benchmarks.Contenders;

/// <summary>How each non-SDK contender is built over a handler and how it makes the call.</summary>
public static class ContenderFactory
{
    public static HttpClient HttpClient(HttpMessageHandler handler, string baseAddress = Wire.BaseAddress) =>
        new(handler, disposeHandler: false) { BaseAddress = new Uri(baseAddress) };

    public static HandWrittenClient HandWritten(HttpMessageHandler handler, string baseAddress = Wire.BaseAddress) =>
        new(HttpClient(handler, baseAddress), baseAddress);

    /// <summary>The floor inside a Polly v8 pipeline with the SDK's default retry and timeouts.</summary>
    public static PollyFloorClient PollyFloor(HttpMessageHandler handler, string baseAddress = Wire.BaseAddress) =>
        new(HttpClient(handler, baseAddress), baseAddress);

    /// <summary>Refit with System.Text.Json bound to the source-generated context (no reflection metadata).</summary>
    public static ICruxRefitApi Refit(HttpMessageHandler handler, string baseAddress = Wire.BaseAddress) =>
        RestService.For<ICruxRefitApi>(HttpClient(handler, baseAddress), RefitSettings());

    /// <summary>
    /// Refit as a user who wants retries registers it: <c>AddRefitGeneratedClient</c> (the source-generated client, as the plain Refit contender) with <c>AddStandardResilienceHandler()</c>
    /// (Microsoft.Extensions.Http.Resilience, its defaults: rate limiter, 30 s overall, 3 retries, circuit breaker, 10 s per
    /// attempt), resolved once from the container. The handler's lifetime is infinite so the factory never swaps (and
    /// disposes) the benchmark's transport under a client kept for the whole run.
    /// </summary>
    public static RefitResilient RefitResilient(HttpMessageHandler handler, string baseAddress = Wire.BaseAddress)
    {
        var services = new ServiceCollection();
        services.AddRefitGeneratedClient<ICruxRefitApi>(RefitSettings())
            .ConfigureHttpClient(client => client.BaseAddress = new Uri(baseAddress))
            .ConfigurePrimaryHttpMessageHandler(() => handler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddStandardResilienceHandler();
        ServiceProvider provider = services.BuildServiceProvider();
        return new RefitResilient(provider, provider.GetRequiredService<ICruxRefitApi>());
    }

    private static RefitSettings RefitSettings() => new(new SystemTextJsonContentSerializer(WireJsonContext.Default.Options));

    public static Task RefitRemoveAsync(ICruxRefitApi api, Guid userUuid, Guid[] permissionUuids) =>
        api.RemovePermissionsAsync(userUuid, new PermissionUuidsRequest { PermissionUuids = permissionUuids }, Wire.Token);

    /// <summary>RestSharp over the same handler, System.Text.Json bound to the source-generated context.</summary>
    public static RestClient RestSharp(HttpMessageHandler handler) =>
        new(
            HttpClient(handler),
            new RestClientOptions(Wire.BaseAddress) { UserAgent = Wire.UserAgent },
            disposeHttpClient: true,
            configureSerialization: static s => s.UseSystemTextJson(WireJsonContext.Default.Options));

    public static async Task RestSharpRemoveAsync(RestClient client, Guid userUuid, Guid[] permissionUuids)
    {
        var request = new RestRequest(Wire.PermissionsPath + "{userUuid}/", Method.Delete)
            .AddUrlSegment("userUuid", userUuid.ToString("D"))
            .AddHeader("Authorization", Wire.Authorization)
            .AddHeader("Accept", Wire.Accept)
            .AddJsonBody(new PermissionUuidsRequest { PermissionUuids = permissionUuids });
        RestResponse response = await client.ExecuteAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Remove User Permissions answered {(int)response.StatusCode}.", response.ErrorException, response.StatusCode);
        }
    }
}
