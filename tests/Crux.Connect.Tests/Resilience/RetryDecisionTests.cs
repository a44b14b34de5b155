using System.Net;
using Crux.Connect.Internal;
using Crux.Connect.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.Resilience;

/// <summary>
/// Issue 22: the retry strategy reads like Polly's. <c>ShouldHandle</c> (<see cref="CruxResilience.ShouldRetry"/>) only
/// classifies: asked twice it answers the same and changes nothing; the wait is a pure function of the call and the attempt;
/// the counts that make up the budgets change in <c>OnRetry</c> (<see cref="CruxResilience.Retrying"/>) only.
/// </summary>
public sealed class RetryDecisionTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public enum Scenario
    {
        Alone503,
        Alone503OutOfBudget,
        Alone503PastTheDeadline,
        Run429,
        Run429OutOfBudget,
        Run429ToTheProbe,
        Run503DuringThePause,
    }

    [Theory]
    [InlineData(Scenario.Alone503, true)]
    [InlineData(Scenario.Alone503OutOfBudget, false)]
    [InlineData(Scenario.Alone503PastTheDeadline, false)]
    [InlineData(Scenario.Run429, true)]
    [InlineData(Scenario.Run429OutOfBudget, false)]
    [InlineData(Scenario.Run429ToTheProbe, true)]
    [InlineData(Scenario.Run503DuringThePause, true)]
    public void ShouldRetry_AskedTwice_AnswersTheSameAndChangesNothing(Scenario scenario, bool expected)
    {
        (CruxCall<int> call, RetryGroup? group, Exception failure, CruxClientSettings settings) = Arrange(scenario);
        object before = Snapshot(call, group);

        bool first = CruxResilience.ShouldRetry(failure, 2, call, settings, _time);
        TimeSpan firstWait = CruxResilience.Wait(failure, 2, CruxResilience.KindOf(failure, call), call, settings);
        bool second = CruxResilience.ShouldRetry(failure, 2, call, settings, _time);
        TimeSpan secondWait = CruxResilience.Wait(failure, 2, CruxResilience.KindOf(failure, call), call, settings);

        Assert.Equal(expected, first);
        Assert.Equal(first, second);
        Assert.Equal(firstWait, secondWait);
        Assert.Equal(before, Snapshot(call, group));
    }

    [Fact]
    public void Wait_IsAPureFunctionOfTheCallAndTheAttempt_WithinTheEqualJitterBounds()
    {
        (CruxCall<int> call, _, Exception failure, CruxClientSettings settings) = Arrange(Scenario.Alone503);
        (CruxCall<int> other, _, _, _) = Arrange(Scenario.Alone503);

        TimeSpan[] waits = [.. Enumerable.Range(0, 8).Select(attempt => CruxResilience.Wait(failure, attempt, RetryKind.Ordinary, call, settings))];

        // The same call and attempt: the same wait, and the one Polly is handed; the first step is 1 s, so between 0.5 s and 1 s.
        Assert.Equal(waits, Enumerable.Range(0, 8).Select(attempt => CruxResilience.PollyDelay(failure, attempt, call, settings)));
        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)));

        // The jitter is drawn per call and per attempt, so the waits are not all the same (eight equal draws of a 53-bit
        // value would mean the attempt is ignored), nor the same as another call's.
        Assert.True(waits.Distinct().Count() > 1, string.Join(", ", waits));
        Assert.NotEqual(waits, Enumerable.Range(0, 8).Select(attempt => CruxResilience.Wait(failure, attempt, RetryKind.Ordinary, other, settings)));
    }

    [Fact]
    public void Retrying_CountsTheFailuresKind_AndShouldRetryReadsTheBudgetFromThatCount()
    {
        (CruxCall<int> call, RetryGroup? group, Exception failure, CruxClientSettings settings) = Arrange(Scenario.Run429);
        var serverError = new CruxServerException("down", new CruxResponseDetails(HttpStatusCode.ServiceUnavailable));

        // MaxRateLimitRetries is 2 in a run: two 429 retries, then none; the ordinary budget (MaxRetries 3) is untouched.
        for (int attempt = 0; attempt < 2; attempt++)
        {
            Assert.True(CruxResilience.ShouldRetry(failure, attempt, call, settings, _time));
            CruxResilience.Retrying(failure, TimeSpan.Zero, call);
        }

        Assert.False(CruxResilience.ShouldRetry(failure, 2, call, settings, _time));
        Assert.Equal((2, 0, true), (call.RateLimitRetries, call.Retries, call.RetryPending));
        Assert.Equal(2, group!.Retries);
        Assert.True(CruxResilience.ShouldRetry(serverError, 2, call, settings, _time));
    }

    private (CruxCall<int> Call, RetryGroup? Group, Exception Failure, CruxClientSettings Settings) Arrange(Scenario scenario)
    {
        var options = Fixtures.Options(o => o.Timeout = scenario == Scenario.Alone503PastTheDeadline ? TimeSpan.FromSeconds(20) : TimeSpan.FromSeconds(100));
        var core = CruxClientCore.Create(options, "options", () => new HttpClient(), null, _time);
        bool inARun = scenario is Scenario.Run429 or Scenario.Run429OutOfBudget or Scenario.Run429ToTheProbe or Scenario.Run503DuringThePause;
        RetryGroup? group = inARun ? new RetryGroup(_time, maxRateLimitRetries: 2) : null;
        var request = new CruxRequest("RemovePermissions", HttpMethod.Delete, "https://crux.example/organizations/users/permissions/x/", null);
        var call = new CruxCall<int>(new HttpClient(), core, request, null!, new CruxCallScope(core, group), null, CancellationToken.None);

        TimeSpan retryAfter = scenario == Scenario.Alone503PastTheDeadline ? TimeSpan.FromSeconds(25) : TimeSpan.FromSeconds(10);
        Exception failure = scenario is Scenario.Run429 or Scenario.Run429OutOfBudget or Scenario.Run429ToTheProbe
            ? new CruxRateLimitException("slow down", new CruxResponseDetails((HttpStatusCode)429) { RetryAfter = retryAfter })
            : new CruxServerException("down", new CruxResponseDetails(HttpStatusCode.ServiceUnavailable) { RetryAfter = scenario == Scenario.Alone503PastTheDeadline ? retryAfter : null });
        if (group is not null)
        {
            // What the sender does where a 429 is received: the run pauses.
            group.RateLimited(TimeSpan.FromSeconds(10));
        }

        if (scenario == Scenario.Alone503OutOfBudget)
        {
            call.Retries = options.Retry.MaxRetries;
        }

        if (scenario is Scenario.Run429OutOfBudget or Scenario.Run429ToTheProbe)
        {
            call.RateLimitRetries = 2;
        }

        if (scenario == Scenario.Run429ToTheProbe)
        {
            call.Probe = 1;
        }

        return (call, group, failure, core.Settings);
    }

    private static object Snapshot(CruxCall<int> call, RetryGroup? group) =>
        (call.Retries, call.RateLimitRetries, call.RetryPending, call.Probe, call.Refreshed, call.JitterSeed,
         group?.Retries, group?.RateLimitedResponses, group?.Pauses, group?.Limit, group?.Gate.Remaining(), group?.Gate.Probes);
}
