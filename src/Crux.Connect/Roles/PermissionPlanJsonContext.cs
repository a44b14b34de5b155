using System.Text.Json.Serialization;

namespace Crux.Connect.Roles;

/// <summary>Source-generated metadata for plans: no reflection, so the library stays trimmable and AOT-compatible.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PermissionPlanDto))]
internal sealed partial class PermissionPlanJsonContext : JsonSerializerContext
{
}
