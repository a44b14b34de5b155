using System.Net;
using System.Net.Sockets;
using Crux.Connect.Tests.Diagnostics.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.Diagnostics;

/// <summary>
/// The token in no log record of any category (the SDK's and IHttpClientFactory's), at Trace, through
/// AddCruxConnect: no message, structured value, scope or exception text. Servers here echo the token back in
/// bodies and headers, the worst case.
/// </summary>
public sealed class SecretRedactionTests
{
    private static readonly string Echo = $$"""{"detail":"Invalid token Token {{Secrets.Token}}.","token":["{{Secrets.Token}}"]}""";

    public static TheoryData<int> ErrorStatuses => new() { 400, 401, 403, 404, 405, 408, 409, 415, 422, 429, 500, 502, 503, 504 };

    [Fact]
    public async Task AddCruxConnect_Success_TraceLogsHoldNoTokenAndRedactTheAuthorizationHeader()
    {
        var handler = new StubHandler((request, _, _) => Task.FromResult(StubHandler.Answer(HttpStatusCode.OK, request.Method == HttpMethod.Get ? "[]" : "{}")));
        using ServiceProvider provider = Build(handler);

        await provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions);
        await provider.GetRequiredService<OrganizationUsersClient>().GetAllPermissionsAsync();

        FakeLogCollector collector = provider.GetRequiredService<FakeLogCollector>();
        Secrets.AssertNotLogged(collector);
        Assert.Equal("Token " + Secrets.Token, handler.AuthorizationHeaders[0]);

        // IHttpClientFactory's header records redact the message but carry raw values as structured state, so
        // AddCruxConnect removes its loggers: nothing of theirs, and the SDK's own events instead.
        IReadOnlyList<FakeLogRecord> records = collector.GetSnapshot();
        Assert.DoesNotContain(records, r => (r.Category ?? string.Empty).StartsWith("System.Net.Http.HttpClient.Crux.Connect", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Category == "Crux.Connect" && r.Id.Id == 101);
    }

    [Fact]
    public async Task AddCruxConnect_DefaultLoggerAddedBack_MessagesStillRedactTheAuthorizationValue()
    {
        // Regression: Microsoft.Extensions.Http's Trace header records keep raw values in their structured state
        // even with RedactLoggedHeaders; only the message is redacted. Whoever adds that logger back gets the message redaction.
        var handler = new StubHandler(HttpStatusCode.NoContent);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddCruxConnect(o => { o.ApiToken = Secrets.Token; o.BaseAddress = new Uri("https://secrets.crux.test/"); })
            .AddDefaultLogger()
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions);

        IReadOnlyList<FakeLogRecord> records = provider.GetRequiredService<FakeLogCollector>().GetSnapshot();
        FakeLogRecord headers = Assert.Single(records, r => r.Level == LogLevel.Trace
            && r.Message.Contains("Authorization: *", StringComparison.Ordinal) && r.Category!.EndsWith(".ClientHandler", StringComparison.Ordinal));
        Assert.All(records, r => Assert.DoesNotContain(Secrets.Token, r.Message, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ErrorStatuses))]
    public async Task AddCruxConnect_ErrorStatusEchoingToken_NoTokenInLogsOrException(int status)
    {
        var handler = new StubHandler((_, _, _) =>
        {
            HttpResponseMessage response = StubHandler.Answer((HttpStatusCode)status, Echo, retryAfter: status is 429 or 503 ? "1" : null);
            response.Headers.TryAddWithoutValidation("X-Echo", "Token " + Secrets.Token);
            return Task.FromResult(response);
        });
        using ServiceProvider provider = Build(handler, o => o.Retry.MaxRetries = 1);

        CruxException exception = await Assert.ThrowsAnyAsync<CruxException>(
            () => provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions));

        Assert.DoesNotContain(Secrets.Token, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secrets.Token, ((CruxApiException)exception).ResponseBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(status, (int)((CruxApiException)exception).StatusCode);
        FakeLogCollector collector = provider.GetRequiredService<FakeLogCollector>();
        Secrets.AssertNotLogged(collector);
        Assert.Contains(collector.GetSnapshot(), r => r.Id.Id == 102 && r.Exception == exception);
    }

    [Fact]
    public async Task AddCruxConnect_Retries_NoTokenInLogs()
    {
        var handler = new StubHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.NoContent);
        using ServiceProvider provider = Build(handler);

        await provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions);

        FakeLogCollector collector = provider.GetRequiredService<FakeLogCollector>();
        Assert.Equal(2, collector.GetSnapshot().Count(r => r.Id.Id == 120));
        Secrets.AssertNotLogged(collector);
    }

    [Fact]
    public async Task AddCruxConnect_AttemptTimeouts_NoTokenInLogsOrException()
    {
        var time = new FakeTimeProvider();
        var entered = new SemaphoreSlim(0);
        var handler = new StubHandler(async (_, _, ct) =>
        {
            entered.Release();
            await Task.Delay(Timeout.Infinite, ct);
            return StubHandler.Answer(HttpStatusCode.NoContent);
        });
        using ServiceProvider provider = Build(handler, o => { o.Retry.MaxRetries = 1; o.AttemptTimeout = TimeSpan.FromSeconds(1); }, time);

        Task call = provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions);
        for (int attempt = 0; attempt < 2; attempt++)
        {
            Assert.True(await entered.WaitAsync(TimeSpan.FromSeconds(30)));
            time.Advance(TimeSpan.FromSeconds(1));
        }

        CruxTimeoutException exception = await Assert.ThrowsAsync<CruxTimeoutException>(() => call);
        Assert.DoesNotContain(Secrets.Token, exception.ToString(), StringComparison.Ordinal);
        FakeLogCollector collector = provider.GetRequiredService<FakeLogCollector>();
        Assert.Contains(collector.GetSnapshot(), r => r.Id.Id == 120 && r.Message.Contains("CruxTimeoutException", StringComparison.Ordinal));
        Assert.Contains(collector.GetSnapshot(), r => r.Id.Id == 104 && r.Exception == exception);
        Secrets.AssertNotLogged(collector);
    }

    [Fact]
    public async Task AddCruxConnect_ConnectionRefused_NoTokenInLogsOrException()
    {
        // A port that was free a moment ago: nothing listens, so the connection is refused.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddCruxConnect(o =>
        {
            o.ApiToken = Secrets.Token;
            o.BaseAddress = new Uri($"http://127.0.0.1:{port}/");
            o.Retry.MaxRetries = 1;
            o.Retry.BaseDelay = TimeSpan.Zero;
            o.Retry.MaxDelay = TimeSpan.Zero;
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        CruxConnectionException exception = await Assert.ThrowsAsync<CruxConnectionException>(
            () => provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions));

        Assert.DoesNotContain(Secrets.Token, exception.ToString(), StringComparison.Ordinal);
        FakeLogCollector collector = provider.GetRequiredService<FakeLogCollector>();
        Assert.Contains(collector.GetSnapshot(), r => r.Id.Id == 120);
        Assert.Contains(collector.GetSnapshot(), r => r.Id.Id == 104 && r.Exception == exception);
        Secrets.AssertNotLogged(collector);
    }

    [Fact]
    public void AddCruxConnect_TokenWithCrLf_ValidationMessageDoesNotEchoIt()
    {
        const string first = "crux-secret-first-half";
        const string second = "crux-secret-second-half";
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddCruxConnect(o => o.ApiToken = first + "\r\nX-Injected: " + second);
        using ServiceProvider provider = services.BuildServiceProvider();

        OptionsValidationException startup = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IStartupValidator>().Validate());
        OptionsValidationException resolve = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<OrganizationUsersClient>());

        foreach (string text in new[] { startup.ToString(), resolve.ToString(), string.Join(" ", startup.Failures) })
        {
            Assert.Contains("ApiToken", text, StringComparison.Ordinal);
            Assert.DoesNotContain(first, text, StringComparison.Ordinal);
            Assert.DoesNotContain(second, text, StringComparison.Ordinal);
        }

        foreach (FakeLogRecord record in provider.GetRequiredService<FakeLogCollector>().GetSnapshot())
        {
            Assert.All(Secrets.TextsOf(record), text => Assert.DoesNotContain(first, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void CruxClient_TokenWithCrLf_ArgumentExceptionDoesNotEchoIt()
    {
        var options = new CruxClientOptions { ApiToken = "crux-secret-left\nright-crux-secret" };

        ArgumentException exception = Assert.Throws<ArgumentException>(() => new CruxClient(new HttpClient(), options));

        Assert.Contains("ApiToken", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("crux-secret-left", exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("right-crux-secret", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CruxClientOptions_ToString_RedactsTheToken()
    {
        var options = new CruxClientOptions { ApiToken = Secrets.Token };

        string text = options.ToString();

        Assert.DoesNotContain(Secrets.Token, text, StringComparison.Ordinal);
        Assert.Contains("ApiToken = ***", text, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(StubHandler handler, Action<CruxClientOptions>? configure = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddSingleton(time ?? new FakeTimeProvider());
        services.AddCruxConnect(o =>
        {
            o.ApiToken = Secrets.Token;
            o.BaseAddress = new Uri("https://secrets.crux.test/");

            // No waits between attempts: the fake clock never has to move for a retry.
            o.Retry.BaseDelay = TimeSpan.Zero;
            o.Retry.MaxDelay = TimeSpan.Zero;
            configure?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        return services.BuildServiceProvider();
    }
}
