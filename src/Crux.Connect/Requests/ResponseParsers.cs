using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Crux.Connect.Internal.Json;

namespace Crux.Connect.Internal;

/// <summary>The success-path readers of each operation: JSON read with a cap, then mapped to the public models.</summary>
internal static class ResponseParsers
{
    public static async ValueTask<T> ReadJsonAsync<T>(
        HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CruxRequest request, CruxClientSettings settings, CancellationToken cancellationToken)
    {
        using BoundedBody body = await BoundedBody.ReadAsync(response.Content, BoundedBody.SuccessBodyLimit, cancellationToken).ConfigureAwait(false);
        if (body.IsTruncated)
        {
            throw Invalid(response, request, settings, $"the body is larger than {BoundedBody.SuccessBodyLimit / (1024 * 1024)} MiB", body.GetText(BoundedBody.ErrorBodyLimit), null);
        }

        if (body.Length == 0)
        {
            throw Invalid(response, request, settings, "the body is empty", null, null);
        }

        // A key said twice is read by the deserializer as the last one: a contradiction it would hide.
        if (JsonShape.Check(body.Span, out _) is { } problem)
        {
            throw Invalid(response, request, settings, problem, body.GetText(BoundedBody.ErrorBodyLimit), null);
        }

        try
        {
            T? value = JsonSerializer.Deserialize(body.Span, typeInfo);
            return value ?? throw Invalid(response, request, settings, "the body is JSON null", body.GetText(BoundedBody.ErrorBodyLimit), null);
        }
        catch (JsonException exception)
        {
            throw Invalid(response, request, settings, "the body is not the documented JSON", body.GetText(BoundedBody.ErrorBodyLimit), exception);
        }
    }

    public static Permission[] MapPermissions(List<PermissionDto> items, HttpResponseMessage response, CruxRequest request, CruxClientSettings settings)
    {
        var result = new Permission[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            result[i] = MapPermission(items[i], $"[{i}]", response, request, settings);
        }

        return result;
    }

    public static PermissionAssignment[] MapAssignments(UserPermissionsDto dto, HttpResponseMessage response, CruxRequest request, CruxClientSettings settings)
    {
        List<PermissionAssignmentDto?> items = dto.Permissions
            ?? throw Invalid(response, request, settings, "the body has no \"permissions\" list", null, null);
        var result = new PermissionAssignment[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            PermissionAssignmentDto item = items[i]
                ?? throw Invalid(response, request, settings, $"permissions[{i}] is null", null, null);
            bool assigned = item.Assigned
                ?? throw Invalid(response, request, settings, $"permissions[{i}] has no \"assigned\"", null, null);
            result[i] = new PermissionAssignment(assigned, MapPermission(item.Permission, $"permissions[{i}].permission", response, request, settings));
        }

        if (AssignmentList.Contradiction(result) is { } contradiction)
        {
            throw Invalid(response, request, settings, contradiction, null, null);
        }

        return result;
    }

    private static Permission MapPermission(PermissionDto? dto, string where, HttpResponseMessage response, CruxRequest request, CruxClientSettings settings)
    {
        if (dto is null)
        {
            throw Invalid(response, request, settings, $"{where} is null", null, null);
        }

        if (dto.Uuid is not Guid uuid || uuid == Guid.Empty || string.IsNullOrEmpty(dto.Name))
        {
            throw Invalid(response, request, settings, $"{where} lacks a \"uuid\" or a \"name\"", null, null);
        }

        if (request.Secrets is { IsEmpty: false } secrets && CarriesSecret(secrets, dto.Name, dto.DisplayName, dto.Description, dto.Visibility, dto.Grouping))
        {
            // A permission's text is printed as it is (messages listing names, the tool's tables), so a server that echoes the
            // request's token or password into it is refused as a whole rather than redacted field by field.
            throw Invalid(response, request, settings, $"{where} carries the secret the request sent", null, null);
        }

        return new Permission(uuid, dto.Name!, dto.DisplayName, dto.Description, dto.Visibility, dto.Grouping);
    }

    private static bool CarriesSecret(Diagnostics.SecretRedactor secrets, params string?[] texts) =>
        Array.Exists(texts, text => !string.IsNullOrEmpty(text) && secrets.Find(text!).Count > 0);

    /// <summary>The answer to <paramref name="request"/> is not Crux's; <paramref name="problem"/> may quote the server (it is redacted and escaped here).</summary>
    public static CruxInvalidResponseException Invalid(
        HttpResponseMessage response, CruxRequest request, CruxClientSettings settings, string problem, string? body, Exception? inner)
    {
        HttpStatusCode status = response.StatusCode;
        Diagnostics.SecretRedactor redactor = request.Secrets ?? Diagnostics.SecretRedactor.None;
        string message = $"Crux Connect answered {(int)status} to {request.Describe(settings)}, but {Diagnostics.ServerText.Escape(redactor.Redact(problem))}.";
        var details = new CruxResponseDetails(status) { RequestId = RequestIds.Read(response, redactor), ResponseBody = BoundedBody.Redact(body, redactor) };
        return new CruxInvalidResponseException(message, details, inner);
    }
}
