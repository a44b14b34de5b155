using System.Text.Json.Serialization;

namespace Crux.Connect.Internal.Json;

/// <summary>
/// The only way the SDK reads JSON: source-generated metadata, no reflection, so the library trims and
/// compiles ahead of time. Unknown members are ignored by default.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(List<PermissionDto>))]
[JsonSerializable(typeof(UserPermissionsDto))]
[JsonSerializable(typeof(LoginRequestDto))]
[JsonSerializable(typeof(LoginResponseDto))]
internal sealed partial class CruxJsonContext : JsonSerializerContext
{
}
