using System.Text.Json.Serialization;

namespace Crux.Connect.Internal.Json;

/// <summary>The part of the login answer the SDK uses; the rest (organization, permission assignments) is ignored.</summary>
internal sealed class LoginResponseDto
{
    [JsonPropertyName("auth_token")]
    public string? AuthToken { get; set; }

    [JsonPropertyName("user_uuid")]
    public string? UserUuid { get; set; }

    [JsonPropertyName("org_uuid")]
    public string? OrgUuid { get; set; }

    [JsonPropertyName("org_type")]
    public string? OrgType { get; set; }

    /// <summary>Never the token.</summary>
    public override string ToString() => $"AuthToken = ***, UserUuid = {UserUuid}, OrgType = {OrgType}";
}
