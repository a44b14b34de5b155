using System.Text.Json.Serialization;

namespace Crux.Connect.Internal.Json;

/// <summary>The wire form of a Permission. Everything is nullable: what is required is checked when mapping, so a bad answer becomes a typed error.</summary>
internal sealed class PermissionDto
{
    [JsonPropertyName("uuid")]
    public Guid? Uuid { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("display_name")]
    public string? DisplayName { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("visibility")]
    public string? Visibility { get; set; }

    [JsonPropertyName("grouping")]
    public string? Grouping { get; set; }
}
