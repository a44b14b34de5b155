using Crux.Connect.Internal;

namespace Crux.Connect.Tests;

public class CruxClientOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new CruxClientOptions();

        Assert.Equal(new Uri("https://api-sandbox.cruxconnect.com/"), options.BaseAddress);
        Assert.Equal(CruxEnvironments.Sandbox, options.BaseAddress);
        Assert.Equal(new Uri("https://api.cruxconnect.com/"), CruxEnvironments.Production);
        Assert.Null(options.ApiToken);
        Assert.Equal(CruxApiVersion.V1, options.ApiVersion);
        Assert.Equal(TimeSpan.FromSeconds(30), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(100), options.Timeout);
        Assert.NotNull(options.Retry);
        Assert.Equal(3, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.Retry.MaxDelay);
    }

    [Fact]
    public void ToString_RedactsTheToken()
    {
        var options = new CruxClientOptions { ApiToken = "super-secret-token" };

        string text = options.ToString();

        Assert.DoesNotContain("super-secret-token", text);
        Assert.Contains("ApiToken = ***", text);
        Assert.Contains("api-sandbox.cruxconnect.com", text);
    }

    [Theory]
    [InlineData(null, "ApiToken is required.")]
    [InlineData("", "ApiToken is required.")]
    [InlineData("abc\r\ndef", "ApiToken contains characters")]
    [InlineData("abc\ndef", "ApiToken contains characters")]
    [InlineData("abc def", "ApiToken contains characters")]
    [InlineData("abc\u0000", "ApiToken contains characters")]
    [InlineData("tökén", "ApiToken contains characters")]
    public void Validate_BadToken_IsReportedWithoutEchoingIt(string? token, string expected)
    {
        List<string> errors = CruxOptionsValidation.Validate(new CruxClientOptions { ApiToken = token });

        string error = Assert.Single(errors);
        Assert.StartsWith(expected, error);
        if (!string.IsNullOrEmpty(token))
        {
            Assert.DoesNotContain("abc", error);
        }
    }

    [Theory]
    [InlineData("http://api.cruxconnect.com/", "must use https")]
    [InlineData("ftp://127.0.0.1/", "must use https")]
    [InlineData("https://api.cruxconnect.com/?x=1", "query or a fragment")]
    [InlineData("https://user:pw@api.cruxconnect.com/", "user information")]
    public void Validate_BadBaseAddress_IsReported(string address, string expected)
    {
        List<string> errors = CruxOptionsValidation.Validate(new CruxClientOptions { ApiToken = "t", BaseAddress = new Uri(address) });

        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost/")]
    [InlineData("http://[::1]:8080/crux")]
    [InlineData("https://gw.example.com/crux")]
    public void Validate_HttpsOrLoopback_IsAccepted(string address)
    {
        Assert.Empty(CruxOptionsValidation.Validate(new CruxClientOptions { ApiToken = "t", BaseAddress = new Uri(address) }));
    }

    [Fact]
    public void Validate_RelativeOrMissingBaseAddress_IsReported()
    {
        Assert.Contains("BaseAddress is required.", CruxOptionsValidation.Validate(new CruxClientOptions { ApiToken = "t", BaseAddress = null! }));
        Assert.Contains(CruxOptionsValidation.Validate(new CruxClientOptions { ApiToken = "t", BaseAddress = new Uri("/crux", UriKind.Relative) }), e => e.Contains("absolute", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EveryProblem_IsListedAtOnce()
    {
        var options = new CruxClientOptions
        {
            BaseAddress = new Uri("http://example.com/"),
            ApiVersion = (CruxApiVersion)7,
            AttemptTimeout = TimeSpan.FromMilliseconds(-5),
            Timeout = TimeSpan.FromDays(3),
        };
        options.Retry.MaxRetries = 1000;
        options.Retry.BaseDelay = TimeSpan.FromSeconds(-1);
        options.Retry.MaxDelay = TimeSpan.FromDays(2);

        List<string> errors = CruxOptionsValidation.Validate(options);

        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void Validate_InfiniteTimeouts_AreAllowed()
    {
        var options = new CruxClientOptions { ApiToken = "t", AttemptTimeout = Timeout.InfiniteTimeSpan, Timeout = Timeout.InfiniteTimeSpan };

        Assert.Empty(CruxOptionsValidation.Validate(options));
    }
}
