using System.Text.Json.Serialization;

namespace Crux.Connect.Roles;

/// <summary>The JSON form of a <see cref="UserPermissionPlan"/>.</summary>
internal sealed class UserPlanDto
{
    [JsonPropertyName("user_uuid")]
    public Guid? UserUuid { get; set; }

    [JsonPropertyName("desired")]
    public List<PlanPermissionDto?>? Desired { get; set; }

    [JsonPropertyName("remove")]
    public List<PlanPermissionDto?>? Remove { get; set; }

    [JsonPropertyName("add")]
    public List<PlanPermissionDto?>? Add { get; set; }

    [JsonPropertyName("keep")]
    public List<PlanPermissionDto?>? Keep { get; set; }
}
