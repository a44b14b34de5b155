using System.Text.Json.Serialization;
using Crux.Connect.Internal.Json;

namespace Crux.Connect.Roles;

/// <summary>The JSON form of a <see cref="PermissionChangePlan"/>; permissions keep the API's own shape.</summary>
internal sealed class PermissionPlanDto
{
    [JsonPropertyName("version")]
    public int? Version { get; set; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; set; }

    [JsonPropertyName("users")]
    public List<UserPlanDto?>? Users { get; set; }

    [JsonPropertyName("failures")]
    public List<PlanFailureDto?>? Failures { get; set; }
}

/// <summary>The JSON form of a <see cref="UserPermissionPlan"/>.</summary>
internal sealed class UserPlanDto
{
    [JsonPropertyName("user_uuid")]
    public Guid? UserUuid { get; set; }

    [JsonPropertyName("desired")]
    public List<PermissionDto?>? Desired { get; set; }

    [JsonPropertyName("remove")]
    public List<PermissionDto?>? Remove { get; set; }

    [JsonPropertyName("add")]
    public List<PermissionDto?>? Add { get; set; }

    [JsonPropertyName("keep")]
    public List<PermissionDto?>? Keep { get; set; }
}

/// <summary>The JSON form of a user that could not be planned: its uuid and what stopped it.</summary>
internal sealed class PlanFailureDto
{
    [JsonPropertyName("user_uuid")]
    public Guid? UserUuid { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }
}

/// <summary>Source-generated metadata for plans: no reflection, so the library stays trimmable and AOT-compatible.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PermissionPlanDto))]
internal sealed partial class PermissionPlanJsonContext : JsonSerializerContext
{
}
