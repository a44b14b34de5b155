using System.Net;
using Crux.Connect.Testing.Internal;

namespace Crux.Connect.Testing;

/// <summary>Makes a simulator misbehave the way real networks and proxies do. Queued faults
/// (<see cref="FailNext(int, HttpStatusCode, TimeSpan?, string?)"/>, <see cref="DropNext"/>, <see cref="StallNext"/>) are taken first, in the order they were
/// queued; then random faults; then the rate limiter; only then do the API rules run. Thread-safe.</summary>
public sealed class CruxFaultInjector
{
    /// <summary>The default of <see cref="RandomStallDelay"/>.</summary>
    public static readonly TimeSpan DefaultRandomStallDelay = TimeSpan.FromSeconds(2);

    /// <summary>The default of <see cref="RandomRetryAfter"/>.</summary>
    public static readonly TimeSpan DefaultRandomRetryAfter = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Queue<QueuedFault> _queue = new();
    private readonly long[] _injected = new long[Enum.GetValues<CruxFaultKind>().Length];
    private TimeSpan _latency;
    private TimeSpan _randomStallDelay = DefaultRandomStallDelay;
    private TimeSpan _randomRetryAfter = DefaultRandomRetryAfter;
    private Random? _random;
    private double _randomRate;
    private CruxFaultKind[] _randomKinds = [];
    private FixedWindowLimiter? _limiter;
    private long _rateLimited;

    internal CruxFaultInjector(TimeProvider time) => _time = time;

    /// <summary>Gets or sets a delay added to every request before it is answered.</summary>
    /// <value>The default value is <see cref="TimeSpan.Zero"/>.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan Latency
    {
        get { lock (_gate) { return _latency; } }
        set { ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero); lock (_gate) { _latency = value; } }
    }

    /// <summary>Gets or sets how long a random <see cref="CruxFaultKind.Stall"/> delays a request.</summary>
    /// <value>The default value is <see cref="DefaultRandomStallDelay"/> (2 seconds).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan RandomStallDelay
    {
        get { lock (_gate) { return _randomStallDelay; } }
        set { ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero); lock (_gate) { _randomStallDelay = value; } }
    }

    /// <summary>Gets or sets the <c>Retry-After</c> a random <see cref="CruxFaultKind.TooManyRequests"/> answers.</summary>
    /// <value>The default value is <see cref="DefaultRandomRetryAfter"/> (1 second).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan RandomRetryAfter
    {
        get { lock (_gate) { return _randomRetryAfter; } }
        set { ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero); lock (_gate) { _randomRetryAfter = value; } }
    }

    /// <summary>Gets how many 429s the rate limiter (<see cref="RateLimit"/>) answered.</summary>
    public long RateLimitedCount => Interlocked.Read(ref _rateLimited);

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> instead of running the rules.</summary>
    /// <param name="count">How many requests, at least 1.</param>
    /// <param name="status">The status to answer, e.g. 503.</param>
    /// <param name="retryAfter">When set, a <c>Retry-After</c> header in whole seconds (rounded up).</param>
    /// <param name="body">The body; <see langword="null"/> answers <c>{"detail":"Simulated failure."}</c>, the empty string answers none.
    /// A body starting with <c>{</c> or <c>[</c> is sent as <c>application/json</c>, anything else as <c>text/html</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1 or <paramref name="retryAfter"/> is negative.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "ApiDesign",
        "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The two forms of Retry-After (seconds, HTTP date) differ in a required parameter's type, so no call is ambiguous.")]
    public void FailNext(int count, HttpStatusCode status, TimeSpan? retryAfter = null, string? body = null)
    {
        if (retryAfter is { } r)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(r, TimeSpan.Zero, nameof(retryAfter));
        }

        Enqueue(count, new FaultPlan(CruxFaultKind.Status, status, retryAfter, body ?? """{"detail":"Simulated failure."}""", TimeSpan.Zero));
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> and a <c>Retry-After</c>
    /// given as an HTTP date (RFC 1123, e.g. <c>Wed, 21 Oct 2026 07:28:00 GMT</c>), the other form the header may take.</summary>
    /// <param name="count">How many requests, at least 1.</param>
    /// <param name="status">The status to answer, e.g. 429.</param>
    /// <param name="retryAt">The date sent in <c>Retry-After</c>.</param>
    /// <param name="body">The body, as in <see cref="FailNext(int, HttpStatusCode, TimeSpan?, string?)"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "ApiDesign",
        "RS0026:Do not add multiple public overloads with optional parameters",
        Justification = "The two forms of Retry-After (seconds, HTTP date) differ in a required parameter's type, so no call is ambiguous.")]
    public void FailNext(int count, HttpStatusCode status, DateTimeOffset retryAt, string? body = null) =>
        Enqueue(count, new FaultPlan(CruxFaultKind.Status, status, null, body ?? """{"detail":"Simulated failure."}""", TimeSpan.Zero) { RetryAt = retryAt });

    /// <summary>Drops the connection of the next <paramref name="count"/> requests with no answer: in memory the handler
    /// throws an <see cref="HttpRequestException"/> wrapping an <see cref="IOException"/>; over HTTP the connection is aborted.</summary>
    /// <param name="count">How many requests, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public void DropNext(int count) => Enqueue(count, new FaultPlan(CruxFaultKind.Drop, 0, null, null, TimeSpan.Zero));

    /// <summary>Delays the next <paramref name="count"/> requests by <paramref name="delay"/> (on the simulator's clock), then answers them normally.
    /// A client that gives up meanwhile cancels the wait.</summary>
    /// <param name="count">How many requests, at least 1.</param>
    /// <param name="delay">How long each waits.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1 or <paramref name="delay"/> is negative.</exception>
    public void StallNext(int count, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Enqueue(count, new FaultPlan(CruxFaultKind.Stall, 0, null, null, delay));
    }

    /// <summary>Injects a fault into a fraction of requests, chosen by a seeded random generator so a run can be replayed.</summary>
    /// <param name="rate">The fraction of requests that fail, 0 to 1; 0 turns random faults off.</param>
    /// <param name="seed">The seed of the generator.</param>
    /// <param name="kinds">The kinds to mix, picked with equal chance; none means <see cref="CruxFaultKind.ServiceUnavailable"/>,
    /// <see cref="CruxFaultKind.TooManyRequests"/>, <see cref="CruxFaultKind.Drop"/> and <see cref="CruxFaultKind.Stall"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is outside 0 to 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="kinds"/> holds <see cref="CruxFaultKind.Status"/>, which needs a status (use <see cref="FailNext(int, HttpStatusCode, TimeSpan?, string?)"/>).</exception>
    public void SetRandomFaults(double rate, int seed, params CruxFaultKind[] kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        if (kinds.Contains(CruxFaultKind.Status))
        {
            throw new ArgumentException("Random faults cannot use CruxFaultKind.Status; use FailNext for a chosen status.", nameof(kinds));
        }

        lock (_gate)
        {
            _randomRate = rate;
            _random = new Random(seed);
            _randomKinds = kinds.Length > 0
                ? [.. kinds]
                : [CruxFaultKind.ServiceUnavailable, CruxFaultKind.TooManyRequests, CruxFaultKind.Drop, CruxFaultKind.Stall];
        }
    }

    /// <summary>Allows <paramref name="permitsPerWindow"/> requests per fixed <paramref name="window"/> (on the simulator's clock,
    /// the window starting now); beyond that answers 429 with <c>Retry-After</c> in whole seconds until the window ends.</summary>
    /// <param name="permitsPerWindow">Requests allowed per window, at least 1.</param>
    /// <param name="window">The window length, positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public void RateLimit(int permitsPerWindow, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitsPerWindow, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        lock (_gate)
        {
            _limiter = new FixedWindowLimiter(permitsPerWindow, window, _time.GetUtcNow());
        }
    }

    /// <summary>Removes every queued fault, random faults, latency and the rate limit. Counters are kept.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _random = null;
            _randomRate = 0;
            _latency = TimeSpan.Zero;
            _limiter = null;
        }
    }

    /// <summary>Gets how many faults of a kind were injected so far.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The count since the simulator was built.</returns>
    public long InjectedCount(CruxFaultKind kind) => Interlocked.Read(ref _injected[(int)kind]);

    /// <summary>Decides the fault for one request and counts it.</summary>
    internal FaultPlan Next()
    {
        FaultPlan plan;
        lock (_gate)
        {
            plan = TakeQueued() ?? TakeRandom() ?? FaultPlan.None;
        }

        if (plan.Kind is { } kind)
        {
            Interlocked.Increment(ref _injected[(int)kind]);
        }

        return plan;
    }

    /// <summary>Takes a rate-limit permit; <see langword="null"/> when allowed, else the time until the window ends.</summary>
    internal TimeSpan? TryAcquirePermit()
    {
        TimeSpan? wait;
        lock (_gate)
        {
            wait = _limiter?.TryAcquire(_time.GetUtcNow());
        }

        if (wait is not null)
        {
            Interlocked.Increment(ref _rateLimited);
        }

        return wait;
    }

    private void Enqueue(int count, FaultPlan plan)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            _queue.Enqueue(new QueuedFault(plan, count));
        }
    }

    private FaultPlan? TakeQueued()
    {
        if (!_queue.TryPeek(out var head))
        {
            return null;
        }

        if (--head.Remaining == 0)
        {
            _queue.Dequeue();
        }

        return head.Plan;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Fault injection for tests: a seed must reproduce the same faults, which a cryptographic generator cannot; nothing here is a secret.")]
    private FaultPlan? TakeRandom()
    {
        if (_random is null || _random.NextDouble() >= _randomRate)
        {
            return null;
        }

        return _randomKinds[_random.Next(_randomKinds.Length)] switch
        {
            CruxFaultKind.ServiceUnavailable => new FaultPlan(CruxFaultKind.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, null,
                """{"detail":"Service temporarily unavailable, try again later."}""", TimeSpan.Zero),
            CruxFaultKind.TooManyRequests => new FaultPlan(CruxFaultKind.TooManyRequests, HttpStatusCode.TooManyRequests, _randomRetryAfter,
                """{"detail":"Request was throttled."}""", TimeSpan.Zero),
            CruxFaultKind.Drop => new FaultPlan(CruxFaultKind.Drop, 0, null, null, TimeSpan.Zero),
            _ => new FaultPlan(CruxFaultKind.Stall, 0, null, null, _randomStallDelay),
        };
    }
}
