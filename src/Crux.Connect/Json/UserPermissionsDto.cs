using System.Text.Json.Serialization;

namespace Crux.Connect.Internal.Json;

/// <summary>The wire form of Get User Permissions: <c>{"permissions": [...]}</c>.</summary>
internal sealed class UserPermissionsDto
{
    [JsonPropertyName("permissions")]
    public List<PermissionAssignmentDto?>? Permissions { get; set; }
}
