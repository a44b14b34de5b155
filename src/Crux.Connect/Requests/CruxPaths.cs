namespace Crux.Connect.Internal;

/// <summary>The request URIs of the Crux Connect operations. Every path ends in a slash: Django cannot redirect a DELETE or PATCH with a body.</summary>
internal static class CruxPaths
{
    public static string UserPermissions(CruxClientSettings settings, Guid userUuid) =>
        string.Concat(settings.UserPermissionsPrefix, userUuid.ToString("D"), "/");

    public static string AllPermissions(CruxClientSettings settings) =>
        settings.OrganizationsPrefix + "all_permissions/";

    public static string UserLogin(CruxClientSettings settings) =>
        settings.OrganizationsPrefix + "user-login/";
}
