using System.Net;

namespace Crux.Connect.Testing.Internal;

internal sealed partial class CruxEngine
{
    private const string ViewUsers = "view_org_users";
    private const string EditUsers = "edit_org_users";

    private SimResponse AllPermissions(SimRequest request, SimulatedUser caller)
    {
        if (request.Method != "GET")
        {
            return MethodNotAllowed(request.Method, "GET, OPTIONS");
        }

        if (!state.Holds(caller, ViewUsers))
        {
            return Forbidden();
        }

        return WireJson.Write(HttpStatusCode.OK, w =>
        {
            w.WriteStartArray();
            foreach (var permission in state.Catalog)
            {
                if (permission.IsValidFor(caller.Organization.Type))
                {
                    WireJson.WritePermission(w, permission);
                }
            }

            w.WriteEndArray();
        });
    }

    private SimResponse UserPermissions(SimRequest request, SimulatedUser caller, Guid userUuid)
    {
        var needed = request.Method switch
        {
            "GET" => ViewUsers,
            "PATCH" or "DELETE" => EditUsers,
            _ => null,
        };
        if (needed is null)
        {
            return MethodNotAllowed(request.Method, "GET, PATCH, DELETE, OPTIONS");
        }

        if (!state.Holds(caller, needed))
        {
            return Forbidden();
        }

        // A user of another organization is "not found", never "forbidden": the API does not reveal it exists.
        var target = state.UserByUuid(userUuid);
        if (target is null || target.Organization != caller.Organization)
        {
            return WireJson.Detail(HttpStatusCode.NotFound, DrfMessages.NotFound);
        }

        if (request.Method == "GET")
        {
            return PermissionList(target);
        }

        var bodyError = JsonBody.TryReadPermissionUuids(request, out var uuids);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var permissions = new List<SimulatedPermission>(uuids.Count);
        foreach (var uuid in uuids)
        {
            var permission = state.PermissionByUuid(uuid);
            if (permission is null)
            {
                // All-or-nothing: one unknown uuid rejects the whole request before anything changes.
                return WireJson.Detail(HttpStatusCode.UnprocessableEntity, $"Permission {uuid:D} does not exist.");
            }

            permissions.Add(permission);
        }

        foreach (var permission in permissions)
        {
            if (!permission.IsValidFor(target.Organization.Type))
            {
                return WireJson.Detail(
                    HttpStatusCode.Conflict,
                    $"Permission \"{permission.Name}\" is not available to {target.Organization.WireType} organizations.");
            }
        }

        // Set semantics: adding a held permission or removing one not held changes nothing and still succeeds.
        var held = state.AssignmentsOf(target.Uuid);
        foreach (var permission in permissions)
        {
            _ = request.Method == "PATCH" ? held.Add(permission.Uuid) : held.Remove(permission.Uuid);
        }

        return request.Method == "PATCH" ? PermissionList(target) : SimResponse.NoContent();
    }

    private SimResponse PermissionList(SimulatedUser target)
    {
        var held = state.AssignmentsOf(target.Uuid);
        return WireJson.Write(HttpStatusCode.OK, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("permissions");
            foreach (var permission in state.Catalog)
            {
                if (permission.IsValidFor(target.Organization.Type))
                {
                    w.WriteStartObject();
                    w.WriteBoolean("assigned", held.Contains(permission.Uuid));
                    w.WritePropertyName("permission");
                    WireJson.WritePermission(w, permission);
                    w.WriteEndObject();
                }
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
