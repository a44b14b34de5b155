using System.Globalization;

namespace Crux.Connect.IntegrationTests.Faults;

/// <summary>
/// A user's own handler, as an application would add it: it runs once per attempt, inside the SDK's pipeline.
/// Here it counts attempts per operation and stamps the operation id on the request, so the server's log of
/// bodies can be checked against the exact bytes that operation must send.
/// </summary>
internal sealed class OperationTaggingHandler : DelegatingHandler
{
    private static readonly AsyncLocal<int> Current = new();
    private readonly int[] _attempts;
    private long _total;

    public OperationTaggingHandler(int operations)
        : base(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) => _attempts = new int[operations];

    public long TotalAttempts => Interlocked.Read(ref _total);

    /// <summary>Sets the operation the current async flow is running (flows into the SDK's awaits).</summary>
    public static void Begin(int operationId) => Current.Value = operationId;

    public int AttemptsOf(int operationId) => Volatile.Read(ref _attempts[operationId]);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        int id = Current.Value;
        Interlocked.Increment(ref _attempts[id]);
        Interlocked.Increment(ref _total);
        request.Headers.TryAddWithoutValidation(PermissionStateServer.OperationHeader, id.ToString(CultureInfo.InvariantCulture));
        return base.SendAsync(request, cancellationToken);
    }
}
