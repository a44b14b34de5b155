using System.Net;
using System.Text.Json;

namespace Crux.Connect.Testing.Internal;

internal sealed partial class CruxEngine
{
    /// <summary><c>POST /organizations/user-login/</c>: no Authorization needed; answers the user's one token.</summary>
    private SimResponse Login(SimRequest request)
    {
        var error = JsonBody.TryReadObject(request, out var root);
        if (error is not null)
        {
            return error;
        }

        var errors = new List<(string, string)>();
        var username = ReadString(root, "username", errors);
        var password = ReadString(root, "password", errors);
        if (errors.Count > 0)
        {
            return WireJson.FieldErrors(errors);
        }

        lock (state.Gate)
        {
            var user = state.UserByUsername(username!);
            if (user is null || !string.Equals(user.Password, password, StringComparison.Ordinal))
            {
                return WireJson.FieldError(DrfMessages.NonFieldErrors, DrfMessages.BadCredentials);
            }

            var held = state.AssignmentsOf(user.Uuid);
            var org = user.Organization;
            return WireJson.Write(HttpStatusCode.OK, w =>
            {
                w.WriteStartObject();
                w.WriteString("auth_token", user.Token);
                w.WriteString("org_uuid", org.Uuid.ToString("D"));
                w.WriteString("user_uuid", user.Uuid.ToString("D"));
                // As documented: the uuid of the organization's own kind, the empty string for the other kind.
                w.WriteString("retailer_uuid", org.Type == SimulatedOrganizationType.Retailer ? org.Uuid.ToString("D") : string.Empty);
                w.WriteString("supplier_uuid", org.Type == SimulatedOrganizationType.Supplier ? org.Uuid.ToString("D") : string.Empty);
                w.WriteString("org_type", org.WireType);
                w.WriteStartObject("permission_assignments");
                foreach (var permission in state.Catalog)
                {
                    if (permission.IsValidFor(org.Type))
                    {
                        w.WriteBoolean(permission.Name, held.Contains(permission.Uuid));
                    }
                }

                w.WriteEndObject();
                w.WriteEndObject();
            });
        }
    }

    private static string? ReadString(JsonElement root, string field, List<(string, string)> errors)
    {
        if (!root.TryGetProperty(field, out var value))
        {
            errors.Add((field, DrfMessages.Required));
            return null;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            errors.Add((field, DrfMessages.NotNull));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add((field, DrfMessages.NotAString));
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add((field, DrfMessages.NotBlank));
            return null;
        }

        return text;
    }
}
