using System.Text.Json.Serialization;

namespace Crux.Connect.Internal.Json;

/// <summary>The wire form of one entry of Get User Permissions.</summary>
internal sealed class PermissionAssignmentDto
{
    [JsonPropertyName("assigned")]
    public bool? Assigned { get; set; }

    [JsonPropertyName("permission")]
    public PermissionDto? Permission { get; set; }
}
