using Crux.Connect.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Crux.Connect.Tests.DependencyInjection;

/// <summary>What a user sees for each configuration mistake: the full key, the fix, never the secret.</summary>
public class ConfigurationMessageTests
{
    [Fact]
    public void Bind_MistypedKeys_NameTheFullKeyAndTheNearestValidOne()
    {
        OptionsValidationException exception = StartWith(new()
        {
            ["CruxConnect:ApiTokn"] = Fixtures.Token,
            ["CruxConnect:Retries"] = "5",
            ["CruxConnect:Retry:MaxRetry"] = "5",
            ["CruxConnect:Colour"] = "blue",
        });

        Assert.Contains("Configuration key 'CruxConnect:ApiTokn' is not a Crux Connect option. Did you mean 'CruxConnect:ApiToken'?", exception.Failures);
        Assert.Contains("Configuration key 'CruxConnect:Retries' is not a Crux Connect option. Did you mean 'CruxConnect:Retry:MaxRetries'?", exception.Failures);
        Assert.Contains("Configuration key 'CruxConnect:Retry:MaxRetry' is not a Crux Connect option. Did you mean 'CruxConnect:Retry:MaxRetries'?", exception.Failures);
        Assert.Contains(exception.Failures, f => f.StartsWith("Configuration key 'CruxConnect:Colour' is not a Crux Connect option. The keys it reads are: BaseAddress, ApiToken,", StringComparison.Ordinal));
        Assert.DoesNotContain(Fixtures.Token, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_KnownKeysInAnyCase_AreNotReported()
    {
        var services = new ServiceCollection();
        services.AddCruxConnect(Section(new() { ["CruxConnect:apitoken"] = Fixtures.Token, ["CruxConnect:RETRY:maxretries"] = "2" }));
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(2, provider.GetRequiredService<IOptions<CruxClientOptions>>().Value.Retry.MaxRetries);
    }

    [Fact]
    public void Validate_UnderDependencyInjection_CarriesTheContextTheSectionAndTheEnvironmentVariable()
    {
        OptionsValidationException exception = StartWith(new() { ["CruxConnect:BaseAddress"] = "https://api.cruxconnect.com/" });

        Assert.Equal(
            "The Crux Connect client options are not valid (configuration section 'CruxConnect'); " +
            "ApiToken is required (configuration key 'CruxConnect:ApiToken', environment variable CruxConnect__ApiToken).",
            exception.Message);
    }

    [Fact]
    public void Validate_NamedClient_NamesTheClientAndItsSection()
    {
        var configuration = Section(new() { ["Crux:SupplierA:Timeout"] = "00:00:00" }, "Crux:SupplierA");
        var services = new ServiceCollection();
        services.AddCruxConnect("supplier-a", configuration);
        using ServiceProvider provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);

        Assert.StartsWith("The Crux Connect client options are not valid (client 'supplier-a', configuration section 'Crux:SupplierA'); ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout must be between 10 ms and 1 day, or Timeout.InfiniteTimeSpan; it is 00:00:00 (configuration key 'Crux:SupplierA:Timeout', environment variable Crux__SupplierA__Timeout).", exception.Failures);
    }

    [Fact]
    public void Validate_TokenPastedWithItsScheme_SaysToDropThePrefixWithoutEchoingIt()
    {
        OptionsValidationException exception = StartWith(new() { ["CruxConnect:ApiToken"] = "Token " + Fixtures.Token });

        Assert.Contains(
            "ApiToken starts with 'Token ': set the token alone and drop the 'Token ' prefix (the SDK sends 'Authorization: Token <token>' itself) " +
            "(configuration key 'CruxConnect:ApiToken', environment variable CruxConnect__ApiToken).",
            exception.Failures);
        Assert.DoesNotContain("not allowed in an HTTP header", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Fixtures.Token, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TokenPastedWithItsScheme_SaysToDropThePrefix()
    {
        var exception = Assert.Throws<ArgumentException>(() => new CruxClient(new HttpClient(), new CruxClientOptions { ApiToken = "token " + Fixtures.Token }));

        Assert.Contains("drop the 'Token ' prefix", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Fixtures.Token, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Timeout", "30", "Write a time span such as 00:00:30 for 30 seconds")]
    [InlineData("Retry:BaseDelay", "2", "Write a time span such as 00:00:02 for 2 seconds")]
    [InlineData("AttemptTimeout", "100000", "Write a time span such as hh:mm:ss for 100000 seconds")]
    public void Bind_BareNumberAsTimeSpan_SaysItIsDaysAndShowsTheTimeSpanForm(string key, string value, string expected)
    {
        OptionsValidationException exception = StartWith(new() { ["CruxConnect:ApiToken"] = Fixtures.Token, ["CruxConnect:" + key] = value });

        string failure = Assert.Single(exception.Failures, f => f.StartsWith($"Configuration key 'CruxConnect:{key}' is '{value}': a bare number is read as {value} day(s).", StringComparison.Ordinal));
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_ZeroAsTimeSpan_IsZero()
    {
        var services = new ServiceCollection();
        services.AddCruxConnect(Section(new() { ["CruxConnect:ApiToken"] = Fixtures.Token, ["CruxConnect:Retry:BaseDelay"] = "0" }));
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Equal(TimeSpan.Zero, provider.GetRequiredService<IOptions<CruxClientOptions>>().Value.Retry.BaseDelay);
    }

    [Fact]
    public void Bind_ValuesThatDoNotParse_NameTheFullKey()
    {
        OptionsValidationException exception = StartWith(new()
        {
            ["CruxConnect:ApiToken"] = Fixtures.Token,
            ["CruxConnect:BaseAddress"] = "api.cruxconnect.com",
            ["CruxConnect:ApiVersion"] = "7",
            ["CruxConnect:Credentials:Username"] = "someone",
        });

        Assert.Contains("Configuration key 'CruxConnect:BaseAddress' ('api.cruxconnect.com') is not an absolute URI such as https://api.cruxconnect.com/.", exception.Failures);
        Assert.Contains("Configuration key 'CruxConnect:ApiVersion' ('7') is not one of: V1, Timpanogos.", exception.Failures);
        Assert.Contains("Configuration keys 'CruxConnect:Credentials:Username' and 'CruxConnect:Credentials:Password' must be set together.", exception.Failures);
    }

    [Theory]
    [InlineData("Production", "https://api-sandbox.cruxconnect.com/", true)]
    [InlineData("Production", "https://api.cruxconnect.com/", false)]
    [InlineData("Development", "https://api-sandbox.cruxconnect.com/", false)]
    public void Start_SandboxUnderProductionHost_LogsAWarningNamingTheHostAndTheKey(string environment, string baseAddress, bool warned)
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["CruxConnect:ApiToken"] = Fixtures.Token, ["CruxConnect:BaseAddress"] = baseAddress });
        var collector = new FakeLogCollector();
        builder.Logging.AddProvider(new FakeLoggerProvider(collector));
        builder.Services.AddCruxConnect(builder.Configuration.GetSection("CruxConnect"));
        using IHost host = builder.Build();

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        FakeLogRecord? record = collector.GetSnapshot().SingleOrDefault(r => r.Id.Name == "SandboxInProduction");
        Assert.Equal(warned, record is not null);
        if (record is not null)
        {
            Assert.Equal(LogLevel.Warning, record.Level);
            Assert.Equal(
                "Crux Connect client (unnamed) sends to the Sandbox (api-sandbox.cruxconnect.com) while the host environment is Production. " +
                "Set CruxConnect:BaseAddress to https://api.cruxconnect.com/ (CruxEnvironments.Production) unless the Sandbox is meant.",
                record.Message);
        }
    }

    private static IConfiguration Section(Dictionary<string, string?> values, string path = "CruxConnect") =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(path);

    private static OptionsValidationException StartWith(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddCruxConnect(Section(values));
        using ServiceProvider provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);
    }
}
