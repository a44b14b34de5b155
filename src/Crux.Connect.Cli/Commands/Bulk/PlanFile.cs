using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Input;
using Crux.Connect.Cli.Output;
using Crux.Connect.Cli.Permissions;

namespace Crux.Connect.Cli.Commands.Bulk;

/// <summary>
/// A plan written by <c>crux bulk plan FILE --out plan.json</c> for someone to review, and applied later, exactly, by
/// <c>crux bulk apply --plan plan.json</c>. The file is <c>{"format", "digest", "plan"}</c>: <c>digest</c> is the SHA-256 of
/// the <c>plan</c> value's exact text, so a plan changed after it was written (even by one byte) is refused, as is a plan
/// for another environment or base address, or one older than <see cref="DefaultMaxAge"/> unless <c>--max-age</c> allows it.
/// A digest proves the file is the one written, not who wrote it: keep plan files where only reviewers can change them.
/// </summary>
internal static class PlanFile
{
    public const string Format = "crux-plan/1";

    /// <summary>A plan older than this is refused by default: the organization has likely moved on since it was reviewed.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromHours(24);

    public static void Write(string path, CliEnvironment environment, DateTimeOffset createdAt, string inputFile, BulkReport plan)
    {
        var content = new JsonPlan(
            environment.Name,
            environment.BaseAddress?.ToString(),
            createdAt,
            Path.GetFileName(inputFile),
            [.. plan.Outcomes.Where(o => o.Change is not null).Select(o => new JsonPlannedUser(
                o.User.User,
                o.User.Label,
                o.User.Row.Position.Line,
                o.User.Desired,
                [.. o.Change!.Remove.Select(p => p.Uuid)],
                [.. o.Change.Add.Select(p => p.Uuid)],
                [.. o.User.Row.Permissions.Select(p => p.Value)]))]);
        // Indented as it sits in the file, so the digest is over exactly the text a reviewer reads.
        string planText = JsonSerializer.Serialize(content, CliJsonContext.Readable.JsonPlan).ReplaceLineEndings("\n").Replace("\n", "\n  ", StringComparison.Ordinal);
        string text = $"{{\n  \"format\": \"{Format}\",\n  \"digest\": \"{Digest(planText)}\",\n  \"plan\": {planText}\n}}\n";
        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"The plan file '{TerminalText.Escape(path)}' cannot be written: {exception.Message}");
        }
    }

    /// <summary>Reads and checks a plan file: its digest, its environment and its age. Nothing is connected to before this passes.</summary>
    public static JsonPlan Read(string path, CliEnvironment environment, DateTimeOffset now, TimeSpan maxAge)
    {
        string name = TerminalText.Escape(Path.GetFileName(path));
        byte[] bytes = InputFile.ReadBytes(path, "plan");
        string planText;
        string? digest;
        try
        {
            using JsonDocument document = JsonDocument.Parse(bytes);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out JsonElement format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format
                || !root.TryGetProperty("plan", out JsonElement plan))
            {
                throw new UsageException($"{name} is not a plan written by 'crux bulk plan --out' (no \"format\": \"{Format}\" and \"plan\"). Nothing was changed.");
            }

            planText = plan.GetRawText();
            digest = root.TryGetProperty("digest", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
        }
        catch (JsonException)
        {
            throw new UsageException($"{name} is not valid JSON: it was changed after 'crux bulk plan --out' wrote it, or is not a plan. Make a new plan. Nothing was changed.");
        }

        if (digest is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(digest), Encoding.ASCII.GetBytes(Digest(planText))))
        {
            throw new UsageException($"{name} was changed after it was written: its digest does not match its content. Make a new plan and have it reviewed again. Nothing was changed.");
        }

        JsonPlan content = JsonSerializer.Deserialize(planText, CliJsonContext.Readable.JsonPlan)
            ?? throw new UsageException($"{name} holds no plan. Nothing was changed.");
        if (content.Environment != environment.Name || content.BaseAddress != environment.BaseAddress?.ToString())
        {
            string planned = content.BaseAddress is null ? content.Environment : $"{content.Environment} ({content.BaseAddress})";
            throw new UsageException($"{name} was made for {TerminalText.Escape(planned)}, not for {environment.Description}. Apply it where it was planned, or make a new plan here. Nothing was changed.");
        }

        TimeSpan age = now - content.CreatedAt;
        if (age > maxAge)
        {
            throw new UsageException(
                $"{name} was made {Describe(age)} ago ({content.CreatedAt:u}); plans older than {Describe(maxAge)} are refused, as the users may have changed since it was reviewed. "
                + "Make a new plan, or accept this one with --max-age (e.g. --max-age 72h). Nothing was changed.");
        }

        return content;
    }

    /// <summary>The users of a checked plan, as a bulk run and a plan report: the desired sets, and what the plan said would change.</summary>
    public static (List<DesiredUser> Users, BulkReport Plan) ToRun(string path, JsonPlan plan, CatalogIndex catalog)
    {
        var users = new List<DesiredUser>();
        var outcomes = new List<UserOutcome>();
        foreach (JsonPlannedUser planned in plan.Users)
        {
            Guid[] unknown = [.. planned.Desired.Concat(planned.Remove).Concat(planned.Add).Where(u => catalog.Find(u.ToString("D"), out _) is null)];
            if (unknown.Length > 0)
            {
                throw new UsageException($"{TerminalText.Escape(Path.GetFileName(path))} line {planned.Line}: the permission {unknown[0]:D} is no longer in this environment's catalog. Make a new plan. Nothing was changed.");
            }

            var row = new UserRow(planned.User, new SourcePosition(planned.Line, 1), [.. planned.DesiredNames.Select(n => new PermissionRef(n, default))], null, planned.Label);
            var user = new DesiredUser(row is { Permissions.Count: > 0 } ? row : row with { Permissions = [.. catalog.NamesOf(planned.Desired).Select(n => new PermissionRef(n, default))] }, planned.Desired);
            IReadOnlyList<Permission> remove = catalog.PermissionsOf(planned.Remove);
            IReadOnlyList<Permission> add = catalog.PermissionsOf(planned.Add);
            IReadOnlyList<Permission> kept = catalog.PermissionsOf(planned.Desired.Except(planned.Add));
            var change = new PermissionChange(planned.User, remove, add, kept);
            users.Add(user);
            outcomes.Add(new UserOutcome(user, change.IsChange ? UserStatus.Changed : UserStatus.Unchanged, change, null));
        }

        return (users, new BulkReport(outcomes, TimeSpan.Zero, Cancelled: false));
    }

    /// <summary>"2 h", "3 d", "45 min": an age as a person says it.</summary>
    public static string Describe(TimeSpan age) =>
        age.TotalDays >= 2 ? $"{(int)age.TotalDays} days" : age.TotalHours >= 1 ? $"{(int)age.TotalHours} h" : $"{Math.Max(0, (int)age.TotalMinutes)} min";

    /// <summary>Parses --max-age: a number and a unit, m (minutes), h (hours) or d (days): "30m", "24h", "7d".</summary>
    public static TimeSpan ParseAge(string text)
    {
        string value = text.Trim().ToLowerInvariant();
        if (value.Length >= 2 && double.TryParse(value[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out double n) && n > 0)
        {
            switch (value[^1])
            {
                case 'm': return TimeSpan.FromMinutes(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'd': return TimeSpan.FromDays(n);
            }
        }

        throw new UsageException($"--max-age {TerminalText.Quote(text)}: give a number and a unit, m, h or d, like 30m, 24h or 7d.");
    }

    private static string Digest(string planText) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(planText)));
}
