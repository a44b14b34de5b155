using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Xunit.Abstractions;

namespace Crux.Connect.IntegrationTests.Faults;

/// <summary>
/// The soak: thousands of add and remove operations over real sockets, at 16-way concurrency, against a server
/// that keeps the permission state and injects 503, 429 + Retry-After (seconds and HTTP date), connection resets
/// and stalls into 30 % of requests.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class FaultSoakTests(ITestOutputHelper output)
{
    private const int UserCount = 250;
    private const int OperationsPerUser = 8;
    private const int Concurrency = 16;
    private const double FaultRate = 0.30;
    private const int Seed = 20_240_603;
    private const int MaxRetries = 3;

    [Fact]
    public async Task AddAndRemovePermissions_2000OperationsAt16WayConcurrencyWith30PercentFaults_EveryOutcomeIsTypedAndTheServerStateMatchesTheSuccesses()
    {
        // Generous, and far beyond the expected ~15 s: the test fails with a message instead of hanging.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(100));
        await using var server = await PermissionStateServer.StartAsync(
            FaultRate,
            Seed,
            (InjectedFault.ServiceUnavailable, 0.30),
            (InjectedFault.Reset, 0.30),
            (InjectedFault.Stall, 0.15),
            (InjectedFault.RetryAfterSeconds, 0.15),
            (InjectedFault.RetryAfterDate, 0.10));

        var workload = Workload.Create(new Random(Seed));
        foreach (var user in workload.Users)
        {
            server.Seed(user.Uuid, user.Initial);
        }

        using var tagging = new OperationTaggingHandler(workload.Operations.Count);
        using var httpClient = new HttpClient(tagging) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new CruxClientOptions
        {
            BaseAddress = server.BaseAddress,
            ApiToken = PermissionStateServer.Token,
            AttemptTimeout = TimeSpan.FromSeconds(1),
            Timeout = TimeSpan.FromSeconds(20),
        };
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(15);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
        var client = new CruxClient(httpClient, options);

        // Each user's operations run in order, one awaited after the other; users run 16 at a time.
        var stopwatch = Stopwatch.StartNew();
        int nextUser = -1;
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref nextUser)) < workload.Users.Count)
            {
                foreach (var operation in workload.Users[index].Operations)
                {
                    await RunAsync(client, operation, deadline.Token);
                }
            }
        }));
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(110));
        stopwatch.Stop();

        var operations = workload.Operations;
        var received = server.Received.ToArray();
        var applied = server.Applied.ToArray();
        var appliedSet = applied.ToHashSet();
        var outcomes = operations.GroupBy(o => o.Outcome ?? "none").OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count());
        long attempts = tagging.TotalAttempts;
        var failedButApplied = operations.Where(o => o.Failure is not null && appliedSet.Contains(o.Id)).ToList();

        long injected = Enum.GetValues<InjectedFault>().Sum(k => server.InjectedCount(k));
        var histogram = operations.GroupBy(o => tagging.AttemptsOf(o.Id)).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}");
        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"operations: {operations.Count} ({UserCount} users x {OperationsPerUser}, {operations.Count(o => o.IsAdd)} add / {operations.Count(o => !o.IsAdd)} remove), concurrency {Concurrency}")
            .AppendLine(CultureInfo.InvariantCulture, $"attempts (client handler): {attempts}; requests received by the server: {received.Length}; retries: {attempts - operations.Count}")
            .AppendLine(CultureInfo.InvariantCulture, $"attempts per operation: {string.Join(", ", histogram)}")
            .AppendLine("outcomes: " + string.Join(", ", outcomes.Select(kv => $"{kv.Key} {kv.Value}")))
            .AppendLine(CultureInfo.InvariantCulture, $"injected faults: {injected} of {received.Length} requests ({(double)injected / received.Length:P1}): {string.Join(", ", Enum.GetValues<InjectedFault>().Select(k => $"{k} {server.InjectedCount(k)}"))}")
            .AppendLine(CultureInfo.InvariantCulture, $"state changes applied: {applied.Length}; failed operations the server had applied (timeouts, outcome unknown to the caller): {failedButApplied.Count}")
            .AppendLine(CultureInfo.InvariantCulture, $"duration: {stopwatch.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(report.ToString());

        // 1. Every operation ended in a success or one typed CruxException of a kind the injected faults explain.
        Assert.DoesNotContain(operations, o => o.Outcome is null);
        Assert.Empty(operations.Where(o => o.Untyped is not null).Select(o => $"{o.Id}: {o.Untyped}"));
        Assert.All(operations.Where(o => o.Failure is not null), o =>
        {
            Assert.True(
                o.Failure is CruxServerException { StatusCode: HttpStatusCode.ServiceUnavailable }
                    or CruxRateLimitException { RetryAfter: not null }
                    or CruxConnectionException { InnerException: HttpRequestException }
                    or CruxTimeoutException,
                $"operation {o.Id}: unexpected {o.Failure}");

            // A failure is final only once the retries are spent.
            Assert.Equal(MaxRetries + 1, tagging.AttemptsOf(o.Id));
        });
        Assert.All(operations, o => Assert.InRange(tagging.AttemptsOf(o.Id), 1, MaxRetries + 1));
        Assert.True(outcomes.GetValueOrDefault("success") > operations.Count * 0.95, report.ToString());

        // 2. No request body arrived empty, chunked or altered, on any attempt.
        Assert.True(received.Length <= attempts, report.ToString());
        Assert.All(received, r =>
        {
            Assert.InRange(r.OperationId, 0, operations.Count - 1);
            var operation = operations[r.OperationId];
            Assert.Equal(operation.User, r.User);
            Assert.Equal(operation.IsAdd ? "PATCH" : "DELETE", r.Method);
            Assert.False(r.Chunked, $"operation {r.OperationId} was sent chunked");
            Assert.Equal(operation.ExpectedBody.Length, r.ContentLength);
            Assert.Equal(Encoding.UTF8.GetString(operation.ExpectedBody), Encoding.UTF8.GetString(r.Body));
        });

        // 3. The server applied every success and no failure, except a timeout whose answer came too late,
        //    and never an old attempt after a later operation of the same user.
        Assert.All(operations.Where(o => o.Outcome == "success"), o => Assert.Contains(o.Id, appliedSet));
        Assert.All(failedButApplied, o => Assert.IsType<CruxTimeoutException>(o.Failure));
        foreach (var perUser in applied.GroupBy(id => operations[id].User))
        {
            var order = perUser.ToArray();
            Assert.True(order.SequenceEqual(order.Order()), $"user {perUser.Key}: applied out of order: {string.Join(",", order)}");
        }

        // 4. The final state: each user's managed permissions follow the last operation that took effect; the rest stay.
        Assert.All(workload.Users, user =>
        {
            var last = user.Operations.LastOrDefault(o => o.Outcome == "success");
            var lastEffective = user.Operations.LastOrDefault(o => appliedSet.Contains(o.Id));
            Assert.True(lastEffective == last || failedButApplied.Contains(lastEffective!), $"user {user.Uuid}: operation {lastEffective?.Id} took effect after the last success");
            var expected = lastEffective is null ? user.Initial.ToHashSet() : user.StateAfter(lastEffective);
            Assert.True(expected.SetEquals(server.PermissionsOf(user.Uuid)), $"user {user.Uuid}: state differs from the last successful operation");
        });
    }

    private static async Task RunAsync(CruxClient client, SoakOperation operation, CancellationToken cancellationToken)
    {
        OperationTaggingHandler.Begin(operation.Id);
        try
        {
            if (operation.IsAdd)
            {
                var result = await client.OrganizationUsers.AddPermissionsAsync(operation.User, operation.Sent, cancellationToken);
                operation.Check(result.UserUuid, result.PermissionUuids, result.StatusCode, HttpStatusCode.OK);
            }
            else
            {
                var result = await client.OrganizationUsers.RemovePermissionsAsync(operation.User, operation.Sent, cancellationToken);
                operation.Check(result.UserUuid, result.PermissionUuids, result.StatusCode, HttpStatusCode.NoContent);
            }
        }
        catch (CruxException exception)
        {
            operation.Failure = exception;
            operation.Outcome = exception.GetType().Name;
        }
#pragma warning disable CA1031 // Anything else is recorded and fails the test with its operation id.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            operation.Untyped = exception.ToString();
            operation.Outcome = "untyped " + exception.GetType().Name;
        }
    }

    private sealed class SoakOperation(int id, Guid user, bool isAdd, Guid[] sent)
    {
        public int Id { get; } = id;

        public Guid User { get; } = user;

        public bool IsAdd { get; } = isAdd;

        public Guid[] Sent { get; } = sent;

        public byte[] ExpectedBody { get; } = WireBody.For(sent);

        public string? Outcome { get; set; }

        public CruxException? Failure { get; set; }

        public string? Untyped { get; set; }

        public void Check(Guid user, IReadOnlyList<Guid> permissions, HttpStatusCode status, HttpStatusCode expectedStatus)
        {
            Outcome = user == User && permissions.SequenceEqual(Sent.Distinct()) && status == expectedStatus
                ? "success"
                : $"success with a wrong result ({user}, {permissions.Count} permissions, {status})";
        }
    }

    private sealed class SoakUser(Guid uuid, Guid[] kept, Guid[] managed, bool startsWithManaged)
    {
        public Guid Uuid { get; } = uuid;

        public List<SoakOperation> Operations { get; } = [];

        /// <summary>Gets permissions no operation touches: they must survive everything.</summary>
        public Guid[] Kept { get; } = kept;

        /// <summary>Gets the permissions every operation of this user adds or removes (in a shuffled order).</summary>
        public Guid[] Managed { get; } = managed;

        public Guid[] Initial { get; } = startsWithManaged ? [.. kept, .. managed] : kept;

        public HashSet<Guid> StateAfter(SoakOperation operation) => operation.IsAdd ? [.. Kept, .. Managed] : [.. Kept];
    }

    private sealed class Workload
    {
        public List<SoakUser> Users { get; } = [];

        public List<SoakOperation> Operations { get; } = [];

        public static Workload Create(Random random)
        {
            var workload = new Workload();
            for (int u = 0; u < UserCount; u++)
            {
                var user = new SoakUser(
                    Guid.NewGuid(),
                    [.. Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Guid.NewGuid())],
                    [.. Enumerable.Range(0, 1 + random.Next(4)).Select(_ => Guid.NewGuid())],
                    random.Next(2) == 0);
                for (int k = 0; k < OperationsPerUser; k++)
                {
                    Guid[] sent = [.. user.Managed];
                    random.Shuffle(sent);
                    if (random.Next(4) == 0)
                    {
                        // A duplicate: the SDK removes it and keeps the order, so the wire bytes still match WireBody.For.
                        sent = [.. sent, sent[0]];
                    }

                    var operation = new SoakOperation(workload.Operations.Count, user.Uuid, random.Next(2) == 0, sent);
                    user.Operations.Add(operation);
                    workload.Operations.Add(operation);
                }

                workload.Users.Add(user);
            }

            return workload;
        }
    }
}
