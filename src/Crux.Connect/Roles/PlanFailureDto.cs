using System.Text.Json.Serialization;

namespace Crux.Connect.Roles;

/// <summary>The JSON form of a user that could not be planned: its uuid and what stopped it.</summary>
internal sealed class PlanFailureDto
{
    [JsonPropertyName("user_uuid")]
    public Guid? UserUuid { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }
}
