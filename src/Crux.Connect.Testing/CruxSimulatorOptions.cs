namespace Crux.Connect.Testing;

/// <summary>Options of a <see cref="CruxSimulator"/>, read once when it is built.</summary>
public sealed class CruxSimulatorOptions
{
    /// <summary>The default of <see cref="RequestLogCapacity"/>.</summary>
    public const int DefaultRequestLogCapacity = 10_000;

    /// <summary>Gets or sets a seed that makes every generated uuid and token reproducible.</summary>
    /// <value>The default value is <see langword="null"/>: uuids and tokens differ from one instance to another.</value>
    public int? Seed { get; set; }

    /// <summary>Gets or sets the clock used for latency, stalls, the rate-limit window and request timestamps.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>. Tests pass a <c>FakeTimeProvider</c> instead of sleeping.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Gets or sets how many requests the request log keeps; older ones are dropped first.</summary>
    /// <value>The default value is <see cref="DefaultRequestLogCapacity"/> (10,000).</value>
    public int RequestLogCapacity { get; set; } = DefaultRequestLogCapacity;

    /// <summary>Gets or sets a path prefix the simulator is mounted under, e.g. <c>"/crux"</c>; requests outside it answer 404.</summary>
    /// <value>The default value is the empty string: the API is served at the root.</value>
    public string PathBase { get; set; } = string.Empty;
}
