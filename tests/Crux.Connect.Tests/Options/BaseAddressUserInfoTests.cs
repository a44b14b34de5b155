using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crux.Connect.Tests.Options;

/// <summary>
/// A BaseAddress with user information is refused, and its value is never echoed, whatever else is wrong with it (plain
/// http to a remote host, a relative address, a query): not by validation, not by ToString, not by configuration binding.
/// </summary>
public class BaseAddressUserInfoTests
{
    private const string Secret = "s3cr3t-Pa55";

    public static TheoryData<string, UriKind> Addresses => new()
    {
        { $"https://user:{Secret}@api.example.com/", UriKind.Absolute },
        { $"http://user:{Secret}@api.example.com/", UriKind.Absolute },
        { $"http://admin:{Secret}@127.0.0.1:5000/", UriKind.Absolute },
        { $"ftp://{Secret}@files.example.com/x?y=1", UriKind.Absolute },
        { $"user:{Secret}@api.example.com/", UriKind.RelativeOrAbsolute },
        { $"api/../x:{Secret}@api.example.com", UriKind.Relative },
        { $"//user:{Secret}@api.example.com/", UriKind.Relative },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Validation_RefusesUserInformationWithoutEchoingIt(string address, UriKind kind)
    {
        var options = new CruxClientOptions { BaseAddress = new Uri(address, kind), ApiToken = "token-123" };

        var exception = Assert.ThrowsAny<ArgumentException>(() => new CruxClient(new HttpClient(), options));

        Assert.Contains("user information", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, exception.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, options.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Addresses))]
    public void ConfigurationAndStartupValidation_NeverEchoTheUserInformation(string address, UriKind kind)
    {
        _ = kind;
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Crux:BaseAddress"] = address, ["Crux:ApiToken"] = "token-123" })
            .Build();
        var services = new ServiceCollection();
        services.AddCruxConnect(configuration.GetSection("Crux"));
        using ServiceProvider provider = services.BuildServiceProvider();

        var exception = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IOptions<CruxClientOptions>>().Value);

        Assert.DoesNotContain(Secret, exception.ToString(), StringComparison.Ordinal);
    }
}
