using System.Text.Json;
using Crux.Connect.Benchmarks.Infrastructure;

namespace Crux.Connect.Benchmarks.Contenders;

/// <summary>
/// The floor: the best hand-written HttpClient code for the calls. One HttpClient; per call one
/// absolute URI string, one <see cref="HttpRequestMessage"/>, the headers as prepared raw strings
/// (no parsing, written to the wire as they are), the body from the source-generated context into
/// an exactly-sized array behind a <see cref="ByteArrayContent"/> (so Content-Length is sent).
/// </summary>
public sealed class HandWrittenClient(HttpClient httpClient, string baseAddress)
{
    private readonly string _permissionsPrefix = baseAddress + Wire.PermissionsPath;

    public async Task RemovePermissionsAsync(Guid userUuid, Guid[] permissionUuids, CancellationToken cancellationToken = default)
    {
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new PermissionUuidsBody(permissionUuids), WireJsonContext.Default.PermissionUuidsBody);
        using var request = new HttpRequestMessage(HttpMethod.Delete, UserUri(userUuid));
        AddHeaders(request);
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", Wire.JsonContentType);
        request.Content = content;

        using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Remove User Permissions answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    public async Task<List<PermissionAssignmentDto>> GetPermissionsAsync(Guid userUuid, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, UserUri(userUuid));
        AddHeaders(request);

        using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Get User Permissions answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        await using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        UserPermissionsResponse? answer = await JsonSerializer.DeserializeAsync(stream, WireJsonContext.Default.UserPermissionsResponse, cancellationToken);
        return answer?.Permissions ?? throw new JsonException("Get User Permissions answered null.");
    }

    private string UserUri(Guid userUuid) => UserUri(_permissionsPrefix, userUuid);

    internal static string UserUri(string permissionsPrefix, Guid userUuid) =>
        string.Create(permissionsPrefix.Length + 37, (permissionsPrefix, userUuid), static (span, state) =>
        {
            state.permissionsPrefix.AsSpan().CopyTo(span);
            state.userUuid.TryFormat(span[state.permissionsPrefix.Length..], out int written, "D");
            span[state.permissionsPrefix.Length + written] = '/';
        });

    internal static void AddHeaders(HttpRequestMessage request)
    {
        request.Headers.TryAddWithoutValidation("Authorization", Wire.Authorization);
        request.Headers.TryAddWithoutValidation("Accept", Wire.Accept);
        request.Headers.TryAddWithoutValidation("User-Agent", Wire.UserAgent);
    }
}
