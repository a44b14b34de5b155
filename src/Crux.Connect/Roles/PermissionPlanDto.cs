using System.Text.Json.Serialization;

namespace Crux.Connect.Roles;

// <summary>The JSON form of a <see cref="PermissionChangePlan"/>.</summary>
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
