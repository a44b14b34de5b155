namespace Crux.Connect;

/// <summary>
/// How a <see cref="CruxClient"/> retries transient failures (408, 429, 500, 502, 503, 504,
/// connection failures and attempt timeouts). Other failures are never retried.
/// </summary>
/// <remarks>
/// Retrying is safe for every operation the SDK retries: removing and adding permissions are set
/// operations (sending the same request twice lands in the same state), and reads change nothing.
/// </remarks>
public class CruxRetryOptions
{
    /// <summary>The default of <see cref="MaxRetries"/>: 3.</summary>
    public const int DefaultMaxRetries = 3;

    /// <summary>The default of <see cref="BaseDelay"/>: 1 second.</summary>
    public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>The default of <see cref="MaxDelay"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how many times a failed attempt is retried; 0 turns retries off.
    /// </summary>
    /// <value>The default value is 3. Valid values are 0 to 100.</value>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>
    /// Gets or sets the delay before the first retry; later delays grow exponentially from it, with jitter.
    /// </summary>
    /// <value>The default value is 1 second. Must be zero or positive.</value>
    public TimeSpan BaseDelay { get; set; } = DefaultBaseDelay;

    /// <summary>
    /// Gets or sets the longest wait between two attempts. It also caps a server's <c>Retry-After</c>.
    /// </summary>
    /// <value>The default value is 30 seconds. Must be at least <see cref="BaseDelay"/>.</value>
    public TimeSpan MaxDelay { get; set; } = DefaultMaxDelay;

    /// <inheritdoc />
    public override string ToString() =>
        $"MaxRetries = {MaxRetries}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}";
}
