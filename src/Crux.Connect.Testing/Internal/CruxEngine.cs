using System.Net;
using System.Text.RegularExpressions;

namespace Crux.Connect.Testing.Internal;

/// <summary>The service's rules, written once for both front doors. Check order follows DRF's dispatch:
/// URL resolution (404) → authentication (401) → method (405) → permission (403) → object (404) → body (415/400)
/// → semantic checks (422, 409) → change.</summary>
internal sealed partial class CruxEngine(SimulatorState state, string pathBase)
{
    private const string TimpPrefix = "/timp";
    private readonly string _pathBase = pathBase.TrimEnd('/');

    private enum Route
    {
        None,
        Login,
        AllPermissions,
        UserPermissions,
    }

    public SimResponse Handle(SimRequest request)
    {
        var (route, userUuid) = Resolve(request.Path);
        if (route == Route.None)
        {
            return WireJson.Detail(HttpStatusCode.NotFound, DrfMessages.NotFound);
        }

        if (route == Route.Login)
        {
            return request.Method == "POST" ? Login(request) : MethodNotAllowed(request.Method, "POST, OPTIONS");
        }

        lock (state.Gate)
        {
            var authError = Authenticate(request, out var caller);
            if (authError is not null)
            {
                return authError;
            }

            return route == Route.AllPermissions
                ? AllPermissions(request, caller!)
                : UserPermissions(request, caller!, userUuid);
        }
    }

    private static SimResponse MethodNotAllowed(string method, string allow) =>
        WireJson.Detail(HttpStatusCode.MethodNotAllowed, DrfMessages.MethodNotAllowed(method)).WithHeader("Allow", allow);

    private static SimResponse Forbidden() => WireJson.Detail(HttpStatusCode.Forbidden, DrfMessages.PermissionDenied);

    private static SimResponse Unauthorized(string detail) =>
        WireJson.Detail(HttpStatusCode.Unauthorized, detail).WithHeader("WWW-Authenticate", "Token");

    private const string UserPermissionsPattern = "^/organizations/users/permissions/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/$";

#if NET
    [GeneratedRegex(UserPermissionsPattern, RegexOptions.CultureInvariant)]
    private static partial Regex UserPermissionsPath();
#else
    private static readonly Regex UserPermissionsRegex = new(UserPermissionsPattern, RegexOptions.CultureInvariant);

    private static Regex UserPermissionsPath() => UserPermissionsRegex;
#endif

    private (Route Route, Guid UserUuid) Resolve(string path)
    {
        if (_pathBase.Length > 0)
        {
            if (!path.StartsWith(_pathBase + "/", StringComparison.Ordinal))
            {
                return (Route.None, Guid.Empty);
            }

            path = path.Substring(_pathBase.Length);
        }

        if (path.StartsWith(TimpPrefix + "/", StringComparison.Ordinal))
        {
            path = path.Substring(TimpPrefix.Length);
        }

        switch (path)
        {
            case "/organizations/user-login/":
                return (Route.Login, Guid.Empty);
            case "/organizations/all_permissions/":
                return (Route.AllPermissions, Guid.Empty);
        }

        // Django's <uuid:> converter matches lowercase hyphenated uuids only; anything else is an unknown URL.
        var match = UserPermissionsPath().Match(path);
        return match.Success ? (Route.UserPermissions, Guid.Parse(match.Groups[1].Value)) : (Route.None, Guid.Empty);
    }

    /// <summary>DRF's TokenAuthentication: another scheme (e.g. Bearer) is "no credentials", not "bad credentials".</summary>
    private SimResponse? Authenticate(SimRequest request, out SimulatedUser? caller)
    {
        caller = null;
        var header = request.Header("Authorization");
        var parts = header?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (parts.Length == 0 || !string.Equals(parts[0], "Token", StringComparison.OrdinalIgnoreCase))
        {
            return Unauthorized(DrfMessages.NotAuthenticated);
        }

        if (parts.Length == 1)
        {
            return Unauthorized(DrfMessages.TokenHeaderWithoutCredentials);
        }

        if (parts.Length > 2)
        {
            return Unauthorized(DrfMessages.TokenHeaderWithSpaces);
        }

        caller = state.UserByToken(parts[1]);
        return caller is null ? Unauthorized(DrfMessages.InvalidToken) : null;
    }
}
