using System.Text.Json.Serialization;

namespace Crux.Connect.Roles;

/// <summary>A permission in a plan: its uuid in this environment and its name, which is what a reviewer reads.</summary>
internal sealed class PlanPermissionDto
{
    [JsonPropertyName("uuid")]
    public Guid? Uuid { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
