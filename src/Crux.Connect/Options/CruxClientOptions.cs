namespace Crux.Connect;

/// <summary>
/// Settings of a <see cref="CruxClient"/>. A client takes a snapshot when it is built:
/// changing this object afterwards does not change clients that already exist.
/// </summary>
public class CruxClientOptions
{
    /// <summary>The default of <see cref="AttemptTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The default of <see cref="Timeout"/>: 100 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Gets or sets the address of the Crux Connect API. It may carry a path prefix
    /// (<c>https://gateway.example.com/crux/</c>); the prefix is kept whether or not it ends in <c>/</c>.
    /// It must be <c>https</c> unless it is a loopback address.
    /// </summary>
    /// <value>The default value is <see cref="CruxEnvironments.Sandbox"/>.</value>
    public Uri BaseAddress { get; set; } = CruxEnvironments.Sandbox;

    /// <summary>The default of <see cref="PermissionCatalogLifetime"/>: 10 minutes.</summary>
    public static readonly TimeSpan DefaultPermissionCatalogLifetime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets the API token, sent as <c>Authorization: Token &lt;token&gt;</c>. Required unless
    /// <see cref="Credentials"/> or <see cref="TokenProvider"/> is set instead (exactly one of the three).
    /// It is never written to logs, exceptions, traces or <see cref="ToString"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>, which fails validation when nothing else is set.</value>
    public string? ApiToken { get; set; }

    /// <summary>
    /// Gets or sets a user name and password to log in with instead of an <see cref="ApiToken"/>: the client calls
    /// <c>POST /organizations/user-login/</c> on first use (once, however many calls start together), caches the token,
    /// and logs in again once when the server answers 401. Refused credentials raise <see cref="CruxAuthenticationException"/>.
    /// The password is never written to logs, exceptions, traces or <see cref="ToString"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public CruxCredentials? Credentials { get; set; }

    /// <summary>
    /// Gets or sets where tokens come from instead of an <see cref="ApiToken"/> (a vault, your own login). Under
    /// <c>AddCruxConnect</c>, an <see cref="ICruxTokenProvider"/> registered in the container is used when neither
    /// <see cref="ApiToken"/>, <see cref="Credentials"/> nor this property is set.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public ICruxTokenProvider? TokenProvider { get; set; }

    /// <summary>
    /// Gets or sets how long the permission catalog that resolves names to uuids (for the overloads that take
    /// permission names) is reused before it is read again. A name missing from the catalog also causes a fresh read.
    /// <see cref="TimeSpan.Zero"/> reads it for every call; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> never expires it.
    /// </summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan PermissionCatalogLifetime { get; set; } = DefaultPermissionCatalogLifetime;

    /// <summary>Gets or sets the path style of the API.</summary>
    /// <value>The default value is <see cref="CruxApiVersion.V1"/>.</value>
    public CruxApiVersion ApiVersion { get; set; } = CruxApiVersion.V1;

    /// <summary>Gets the retry settings. Never <see langword="null"/>.</summary>
    public CruxRetryOptions Retry { get; } = new();

    /// <summary>
    /// Gets or sets how long one attempt may take before it is abandoned (and retried, if retries remain).
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns the per-attempt limit off.
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;

    /// <summary>
    /// Gets or sets how long one call may take in all, every attempt and every wait between attempts included.
    /// Running out raises <see cref="CruxTimeoutException"/>.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> turns the overall limit off.
    /// </summary>
    /// <value>The default value is 100 seconds.</value>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Gets problems found while binding configuration, reported by validation at start-up.</summary>
    internal List<string> BindingErrors { get; } = new();

    /// <summary>Gets or sets the keys these options were bound from, so messages name the full key; <see langword="null"/> when set in code.</summary>
    internal DependencyInjection.CruxConfigurationKeys? ConfigurationKeys { get; set; }

    /// <summary>Returns the settings with the token and the password redacted.</summary>
    /// <returns>A description of the settings that is safe to log.</returns>
    public override string ToString() =>
        $"BaseAddress = {Internal.CruxOptionsValidation.Display(BaseAddress)}, ApiToken = {(string.IsNullOrEmpty(ApiToken) ? "(none)" : "***")}, " +
        (Credentials is null ? string.Empty : $"Credentials = {{ {Credentials} }}, ") +
        (TokenProvider is null ? string.Empty : $"TokenProvider = {TokenProvider.GetType().Name}, ") +
        $"ApiVersion = {ApiVersion}, AttemptTimeout = {AttemptTimeout}, Timeout = {Timeout}, Retry = {{ {Retry} }}, " +
        $"PermissionCatalogLifetime = {PermissionCatalogLifetime}";
}
