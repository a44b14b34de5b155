using System.Text.Json.Serialization;

namespace Crux.Connect.Benchmarks.Infrastructure;

/// <summary>The request body of the hand-written floor: a struct, so building it costs no allocation.</summary>
internal readonly struct PermissionUuidsBody(Guid[] permissionUuids)
{
    [JsonPropertyName("permission_uuids")]
    public Guid[] PermissionUuids { get; } = permissionUuids;
}

/// <summary>The same body as a class, the shape Refit and RestSharp (<c>where T : class</c>) take.</summary>
public sealed class PermissionUuidsRequest
{
    [JsonPropertyName("permission_uuids")]
    public required Guid[] PermissionUuids { get; init; }
}

/// <summary>Get User Permissions: <c>{"permissions": [{"assigned": true, "permission": {...}}, ...]}</c>.</summary>
/// <remarks>
/// No <c>required</c> members in these read-side DTOs: System.Text.Json tracks required
/// properties with a bit array per deserialized object (about 2 KB more for this answer).
/// </remarks>
public sealed class UserPermissionsResponse
{
    [JsonPropertyName("permissions")]
    public List<PermissionAssignmentDto>? Permissions { get; init; }
}

public sealed class PermissionAssignmentDto
{
    [JsonPropertyName("assigned")]
    public bool Assigned { get; init; }

    [JsonPropertyName("permission")]
    public PermissionDto Permission { get; init; } = null!;
}

public sealed class PermissionDto
{
    [JsonPropertyName("uuid")]
    public Guid Uuid { get; init; }

    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    [JsonPropertyName("display_name")]
    public string? DisplayName { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("visibility")]
    public string? Visibility { get; init; }

    [JsonPropertyName("grouping")]
    public string? Grouping { get; init; }
}

/// <summary>Source-generated (reflection-free) metadata for every wire type of the benchmarks.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(PermissionUuidsBody))]
[JsonSerializable(typeof(PermissionUuidsRequest))]
[JsonSerializable(typeof(UserPermissionsResponse))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
