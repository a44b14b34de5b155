using Crux.Connect.Testing;

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Crux.Connect.TestSupport;

/// <summary>Raw requests through <see cref="SimulatorHarness.Client"/> (the simulator's wire rules), and the paths its log records.</summary>
public sealed partial class SimulatorHarness
{
    /// <summary>The content type of a JSON body as the SDK sends it.</summary>
    public const string JsonType = "application/json; charset=utf-8";

    /// <summary>A user's permissions, relative to <see cref="ServerAddress"/> (no path base, no version prefix).</summary>
    public static string PermissionsPath(Guid user) => $"organizations/users/permissions/{user:D}/";

    /// <summary>The body of an add or a remove: <c>{"permission_uuids": [...]}</c>.</summary>
    public static string UuidsBody(params Guid[] uuids) =>
        JsonSerializer.Serialize(new Dictionary<string, object> { ["permission_uuids"] = uuids.Select(u => u.ToString("D")).ToArray() });

    /// <summary>The path prefix the SDK puts before <c>/organizations/...</c> for an API version.</summary>
    public static string VersionPrefix(CruxApiVersion version) => version == CruxApiVersion.Timpanogos ? "/timp" : "";

    /// <summary>The path the simulator's log records for a user's permissions (path base included).</summary>
    public string LoggedPermissionsPath(Guid userUuid, CruxApiVersion version = CruxApiVersion.V1) =>
        $"{_pathBase}{VersionPrefix(version)}/organizations/users/permissions/{userUuid:D}/";

    /// <summary>The path the simulator's log records for the catalog (path base included).</summary>
    public string LoggedAllPermissionsPath(CruxApiVersion version = CruxApiVersion.V1) =>
        $"{_pathBase}{VersionPrefix(version)}/organizations/all_permissions/";

    /// <summary>Sends a raw request as <paramref name="caller"/> (its token), or with the <paramref name="authorization"/> header as given.</summary>
    public Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, SimulatedUser? caller = null, string? json = null, string contentType = JsonType, string? authorization = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        else if (caller is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", caller.Token);
        }

        if (json is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return Client.SendAsync(request);
    }

    /// <summary>Removes <paramref name="uuids"/> from <paramref name="target"/> as <paramref name="caller"/>, on the raw client.</summary>
    public Task<HttpResponseMessage> DeleteAsync(SimulatedUser caller, Guid target, params Guid[] uuids) =>
        SendAsync(HttpMethod.Delete, PermissionsPath(target), caller, UuidsBody(uuids));

    /// <summary>Adds <paramref name="uuids"/> to <paramref name="target"/> as <paramref name="caller"/>, on the raw client.</summary>
    public Task<HttpResponseMessage> PatchAsync(SimulatedUser caller, Guid target, params Guid[] uuids) =>
        SendAsync(new HttpMethod("PATCH"), PermissionsPath(target), caller, UuidsBody(uuids));
}
