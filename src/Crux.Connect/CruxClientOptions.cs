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

    /// <summary>
    /// Gets or sets the API token, sent as <c>Authorization: Token &lt;token&gt;</c>. Required.
    /// It is never written to logs, exceptions, traces or <see cref="ToString"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>, which fails validation.</value>
    public string? ApiToken { get; set; }

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

    /// <summary>Returns the settings with the token redacted.</summary>
    /// <returns>A description of the settings that is safe to log.</returns>
    public override string ToString() =>
        $"BaseAddress = {BaseAddress}, ApiToken = {(string.IsNullOrEmpty(ApiToken) ? "(none)" : "***")}, " +
        $"ApiVersion = {ApiVersion}, AttemptTimeout = {AttemptTimeout}, Timeout = {Timeout}, Retry = {{ {Retry} }}";
}
