namespace Crux.Connect.Internal;

/// <summary>The request URIs of the Crux Connect operations. Every path ends in a slash: Django cannot redirect a DELETE or PATCH with a body.</summary>
internal static class CruxPaths
{
    /// <summary>The user's permissions URI, written in one string (no intermediate uuid string).</summary>
    public static string UserPermissions(CruxClientSettings settings, Guid userUuid)
    {
        string prefix = settings.UserPermissionsPrefix;
#if NET
        return string.Create(prefix.Length + 37, (prefix, userUuid), static (span, state) =>
        {
            state.prefix.AsSpan().CopyTo(span);
            state.userUuid.TryFormat(span.Slice(state.prefix.Length), out _, "D");
            span[span.Length - 1] = '/';
        });
#else
        return string.Concat(prefix, userUuid.ToString("D"), "/");
#endif
    }

    public static string AllPermissions(CruxClientSettings settings) =>
        settings.OrganizationsPrefix + "all_permissions/";

    public static string UserLogin(CruxClientSettings settings) =>
        settings.OrganizationsPrefix + "user-login/";
}
