using Crux.Connect.Benchmarks.Infrastructure;
using Refit;
using RestSharp;
using RestSharp.Serializers.Json;

namespace Crux.Connect.Benchmarks.Contenders;

/// <summary>How each non-SDK contender is built over a handler and how it makes the call.</summary>
public static class ContenderFactory
{
    public static HttpClient HttpClient(HttpMessageHandler handler) =>
        new(handler, disposeHandler: false) { BaseAddress = new Uri(Wire.BaseAddress) };

    public static HandWrittenClient HandWritten(HttpMessageHandler handler, string baseAddress = Wire.BaseAddress) =>
        new(HttpClient(handler), baseAddress);

    /// <summary>Refit with System.Text.Json bound to the source-generated context (no reflection metadata).</summary>
    public static ICruxRefitApi Refit(HttpMessageHandler handler) =>
        RestService.For<ICruxRefitApi>(
            HttpClient(handler),
            new RefitSettings(new SystemTextJsonContentSerializer(WireJsonContext.Default.Options)));

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
