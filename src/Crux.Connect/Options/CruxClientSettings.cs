namespace Crux.Connect.Internal;

/// <summary>
/// The immutable snapshot a client takes of its <see cref="CruxClientOptions"/> when it is built, with
/// everything the hot path needs prepared once: the address prefix of every path, the limits. Only values: what has
/// state (the token source, the permission catalog, the pipeline) lives in <see cref="CruxClientCore"/>.
/// </summary>
internal sealed class CruxClientSettings
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1865:Use char overload", Justification = "string.EndsWith(char) does not exist on netstandard2.0; the ordinal string overload is equivalent.")]
    private CruxClientSettings(CruxClientOptions options)
    {
        string baseAddress = options.BaseAddress.AbsoluteUri;
        BaseAddress = baseAddress.EndsWith("/", StringComparison.Ordinal) ? baseAddress : baseAddress + "/";
        BaseUri = new Uri(BaseAddress, UriKind.Absolute);
        BasePath = BaseUri.AbsolutePath;
        ApiVersion = options.ApiVersion;
        OrganizationsPrefix = BaseAddress + (options.ApiVersion == CruxApiVersion.Timpanogos ? "timp/organizations/" : "organizations/");
        UserPermissionsPrefix = OrganizationsPrefix + "users/permissions/";
        PermissionCatalogLifetime = options.PermissionCatalogLifetime;
        AttemptTimeout = options.AttemptTimeout;
        Timeout = options.Timeout;
        MaxRetries = options.Retry.MaxRetries;
        BaseDelay = options.Retry.BaseDelay;
        MaxDelay = options.Retry.MaxDelay;
    }

    /// <summary>Gets the base address, always ending in <c>/</c>.</summary>
    public string BaseAddress { get; }

    public Uri BaseUri { get; }

    /// <summary>Gets the path of the base address (<c>/</c> or a prefix such as <c>/crux/</c>).</summary>
    public string BasePath { get; }

    public CruxApiVersion ApiVersion { get; }

    /// <summary>Gets the absolute address every operation's path starts with, e.g. <c>https://host/timp/organizations/</c>.</summary>
    public string OrganizationsPrefix { get; }

    /// <summary>Gets the absolute address of a user's permissions up to the user uuid, prepared once for the hot path.</summary>
    public string UserPermissionsPrefix { get; }

    public TimeSpan PermissionCatalogLifetime { get; }

    public TimeSpan AttemptTimeout { get; }

    public TimeSpan Timeout { get; }

    public int MaxRetries { get; }

    public TimeSpan BaseDelay { get; }

    public TimeSpan MaxDelay { get; }

    public static CruxClientSettings Create(CruxClientOptions options, string paramName)
    {
        Guard.NotNull(options, paramName);
        CruxOptionsValidation.ThrowIfInvalid(options, paramName);
        return new CruxClientSettings(options);
    }
}
