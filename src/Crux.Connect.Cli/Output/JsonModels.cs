using System.Text.Json.Serialization;

// The JSON that `crux --output json` writes: one document per run on standard output. This file IS the contract
// documented in the README ("JSON output"): names are camelCase, fields are only ever added, never renamed or removed.
namespace Crux.Connect.Cli.Output;

internal sealed record JsonPermission(Guid Uuid, string Name, string? DisplayName, string? Description, string? Visibility, string? Grouping);

internal sealed record JsonCatalog(IReadOnlyList<JsonPermission> Permissions);

internal sealed record JsonAssignment(Guid Uuid, string Name, string? DisplayName, bool Assigned);

internal sealed record JsonUserPermissions(Guid User, IReadOnlyList<JsonAssignment> Permissions);

internal sealed record JsonChange(
    string Environment, Guid User, string Operation, bool DryRun, IReadOnlyList<string> Removed, IReadOnlyList<string> Added, IReadOnlyList<string> Unchanged);

internal sealed record JsonUserOutcome(
    Guid User, int Line, string Status, IReadOnlyList<string> Desired, IReadOnlyList<string> Remove, IReadOnlyList<string> Add, IReadOnlyList<string> Unchanged, bool Drifted, string? Error);

internal sealed record JsonBulkSummary(
    int Users, int Changed, int Unchanged, int Failed, int NotStarted, long RateLimitedResponses, double ElapsedSeconds);

internal sealed record JsonBulk(
    string Environment, string Operation, string File, bool Cancelled, IReadOnlyList<JsonUserOutcome> Users, JsonBulkSummary Summary, string? FailedUsersFile);

internal sealed record JsonSimulatorUser(Guid Uuid, string Username, string Organization, IReadOnlyList<string> Permissions);

internal sealed record JsonSimulatorUsers(IReadOnlyList<JsonSimulatorUser> Users);

internal sealed record JsonErrorDetail(string Kind, string Message, int ExitCode);

internal sealed record JsonError(JsonErrorDetail Error);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(JsonCatalog))]
[JsonSerializable(typeof(JsonUserPermissions))]
[JsonSerializable(typeof(JsonChange))]
[JsonSerializable(typeof(JsonBulk))]
[JsonSerializable(typeof(JsonSimulatorUsers))]
[JsonSerializable(typeof(JsonError))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
