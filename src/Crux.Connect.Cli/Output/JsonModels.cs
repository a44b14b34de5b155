using System.Text.Json.Serialization;

// The JSON that `crux --output json` writes: one document per run on standard output. This file IS the contract
// documented in the README ("JSON output"): names are camelCase, fields are only ever added, never renamed or removed.
namespace Crux.Connect.Cli.Output;

internal sealed record JsonPermission(Guid Uuid, string Name, string? DisplayName, string? Description, string? Visibility, string? Grouping);

internal sealed record JsonCatalog(IReadOnlyList<JsonPermission> Permissions);

internal sealed record JsonAssignment(Guid Uuid, string Name, string? DisplayName, bool Assigned);

internal sealed record JsonUserPermissions(Guid User, IReadOnlyList<JsonAssignment> Permissions);

internal sealed record JsonChange(
    string Environment, Guid User, string Operation, bool DryRun, IReadOnlyList<string> Removed, IReadOnlyList<string> Added, IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> NotHeld, IReadOnlyList<string> AlreadyHeld);

internal sealed record JsonUserOutcome(
    Guid User, int Line, string Status, IReadOnlyList<string> Desired, IReadOnlyList<string> Remove, IReadOnlyList<string> Add, IReadOnlyList<string> Unchanged, bool Drifted, string? Error,
    string? Label);

/// <summary>One line of the audit log (<c>--audit-log</c>): one user change made (or tried and failed) by a bulk apply.</summary>
internal sealed record JsonAuditEntry(
    DateTimeOffset Time, string Environment, string? BaseAddress, Guid User, string? Label, string Outcome,
    IReadOnlyList<string> Removed, IReadOnlyList<string> Added, JsonRequestIds RequestIds, bool Drifted, string? Error);

internal sealed record JsonRequestIds(string? Read, string? Remove, string? Add, string? Failed);

/// <summary>The content of a plan file (<c>bulk plan --out</c>): what is covered by its digest.</summary>
internal sealed record JsonPlan(
    string Environment, string? BaseAddress, DateTimeOffset CreatedAt, string File, IReadOnlyList<JsonPlannedUser> Users);

internal sealed record JsonPlannedUser(
    Guid User, string? Label, int Line, IReadOnlyList<Guid> Desired, IReadOnlyList<Guid> Remove, IReadOnlyList<Guid> Add, IReadOnlyList<string> DesiredNames);

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
[JsonSerializable(typeof(JsonAuditEntry))]
[JsonSerializable(typeof(JsonPlan))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>Gets the context for what people read too: no <c>\u0027</c> for an apostrophe, no <c>\u003C</c> for '&lt;'
    /// (the output is not embedded in HTML); control characters are still escaped, so the JSON stays valid and inert.</summary>
    public static CliJsonContext Readable { get; } = new(BuildOptions(indented: true));

    /// <summary>Gets the context for one-line documents (the audit log: one JSON object per line).</summary>
    public static CliJsonContext Compact { get; } = new(BuildOptions(indented: false));

    private static System.Text.Json.JsonSerializerOptions BuildOptions(bool indented) => new()
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
