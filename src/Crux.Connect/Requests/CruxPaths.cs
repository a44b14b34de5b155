namespace Crux.Connect.Internal;

/// <summary>The request URIs of the Crux Connect operations. Every path ends in a slash: Django cannot redirect a DELETE or PATCH with a body.</summary>
internal static class CruxPaths
{
    public static string UserPermissions(CruxClientSettings settings, Guid userUuid)
    {
#if NET
        // The uuid formatted on the stack, not as a string of its own (benchmarks/README.md, "Why the code does X").
        Span<char> uuid = stackalloc char[36];
        userUuid.TryFormat(uuid, out _, "D");
        return string.Concat(settings.UserPermissionsPrefix.AsSpan(), uuid, "/".AsSpan());
#else
        return string.Concat(settings.UserPermissionsPrefix, userUuid.ToString("D"), "/");
#endif
    }

    public static string AllPermissions(CruxClientSettings settings) =>
        settings.OrganizationsPrefix + "all_permissions/";

    public static string UserLogin(CruxClientSettings settings) =>
        settings.OrganizationsPrefix + "user-login/";
}
