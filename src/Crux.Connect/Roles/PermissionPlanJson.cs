using System.Text.Json;

namespace Crux.Connect.Roles;

/// <summary>Writes and reads <see cref="PermissionChangePlan"/> through <see cref="PermissionPlanJsonContext"/>.</summary>
internal static class PermissionPlanJson
{
    private const int CurrentVersion = 1;

    public static string Write(PermissionChangePlan plan)
    {
        var dto = new PermissionPlanDto
        {
            Version = CurrentVersion,
            CreatedAt = plan.CreatedAt,
            Users = plan.Users.Select(static u => (UserPlanDto?)new UserPlanDto
            {
                UserUuid = u.UserUuid,
                Desired = ToDtos(u.Desired),
                Remove = ToDtos(u.ToRemove),
                Add = ToDtos(u.ToAdd),
                Keep = ToDtos(u.Unchanged),
            }).ToList(),
            Failures = plan.Failures.Select(static f => (PlanFailureDto?)new PlanFailureDto
            {
                UserUuid = f.UserUuid,
                Error = RecordedPlanFailureException.Describe(f.Exception!),
            }).ToList(),
        };
        return JsonSerializer.Serialize(dto, PermissionPlanJsonContext.Default.PermissionPlanDto);
    }

    public static PermissionChangePlan Read(string json, string paramName)
    {
        if (json is null)
        {
            throw new ArgumentNullException(paramName);
        }

        PermissionPlanDto? dto;
        try
        {
            // A key said twice would be read as its last one: what a reader of the text saw is not what would be applied.
            if (Internal.JsonShape.Check(System.Text.Encoding.UTF8.GetBytes(json), out _) is { } problem)
            {
                throw Invalid(problem, paramName);
            }

            dto = JsonSerializer.Deserialize(json, PermissionPlanJsonContext.Default.PermissionPlanDto);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"The text is not a permission change plan: {exception.Message}", paramName, exception);
        }

        if (dto is null || dto.Version != CurrentVersion || dto.CreatedAt is not { } createdAt || dto.Users is null)
        {
            throw new ArgumentException(
                $"The text is not a permission change plan of version {CurrentVersion} (it needs \"version\", \"created_at\" and \"users\").", paramName);
        }

        var users = new List<UserPermissionPlan>(dto.Users.Count);
        for (int i = 0; i < dto.Users.Count; i++)
        {
            UserPlanDto user = dto.Users[i] ?? throw Invalid($"users[{i}] is null", paramName);
            if (user.UserUuid is not { } uuid || uuid == Guid.Empty)
            {
                throw Invalid($"users[{i}] has no \"user_uuid\"", paramName);
            }

            users.Add(new UserPermissionPlan(
                uuid,
                ToPermissions(user.Desired, $"users[{i}].desired", paramName, allowMissing: false),
                ToPermissions(user.Remove, $"users[{i}].remove", paramName, allowMissing: true),
                ToPermissions(user.Add, $"users[{i}].add", paramName, allowMissing: true),
                ToPermissions(user.Keep, $"users[{i}].keep", paramName, allowMissing: true)));
        }

        var failures = new List<CruxBulkOutcome<UserPermissionPlan>>();
        List<PlanFailureDto?> failed = dto.Failures ?? [];
        for (int i = 0; i < failed.Count; i++)
        {
            if (failed[i]?.UserUuid is not { } uuid || uuid == Guid.Empty)
            {
                throw Invalid($"failures[{i}] has no \"user_uuid\"", paramName);
            }

            failures.Add(new CruxBulkOutcome<UserPermissionPlan>(uuid, null, new RecordedPlanFailureException(failed[i]!.Error ?? "Not planned.")));
        }

        PlanConsistency.Check(users, failures.ConvertAll(static f => f.UserUuid), paramName);

        return new PermissionChangePlan(users, failures, createdAt);
    }

    private static List<PlanPermissionDto?> ToDtos(IReadOnlyList<Permission> permissions) =>
        permissions.Select(static p => (PlanPermissionDto?)new PlanPermissionDto { Uuid = p.Uuid, Name = p.Name }).ToList();

    private static Permission[] ToPermissions(List<PlanPermissionDto?>? items, string where, string paramName, bool allowMissing)
    {
        if (items is null)
        {
            return allowMissing ? [] : throw Invalid($"{where} is missing", paramName);
        }

        var result = new Permission[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            PlanPermissionDto? item = items[i];
            if (item?.Uuid is not { } uuid || uuid == Guid.Empty || string.IsNullOrEmpty(item.Name))
            {
                throw Invalid($"{where}[{i}] lacks a \"uuid\" or a \"name\"", paramName);
            }

            result[i] = new Permission(uuid, item.Name!, null, null, null, null);
        }

        return result;
    }

    private static ArgumentException Invalid(string problem, string paramName) =>
        new($"The text is not a valid permission change plan: {problem}.", paramName);
}
