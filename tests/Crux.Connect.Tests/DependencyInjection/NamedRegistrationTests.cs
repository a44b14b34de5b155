using System.Net;
using Crux.Connect.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crux.Connect.Tests.DependencyInjection;

public class NamedRegistrationTests
{
    private const string TokenA = "token-of-supplier-a";
    private const string TokenB = "token-of-supplier-b";

    [Fact]
    public async Task AddCruxConnect_TwoNamesAndTheUnnamed_EachSendsWithItsOwnTokenAddressAndHttpClient()
    {
        var handlerA = new ScriptedHandler().Then(HttpStatusCode.NoContent).Then(HttpStatusCode.NoContent);
        var handlerB = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        var handlerDefault = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Crux:SupplierB:BaseAddress"] = "https://b.example.com/",
            ["Crux:SupplierB:ApiToken"] = TokenB,
        }).Build();
        var services = new ServiceCollection();
        services.AddCruxConnect(o => o.ApiToken = Fixtures.Token).ConfigurePrimaryHttpMessageHandler(() => handlerDefault);
        services.AddCruxConnect("supplier-a", o =>
        {
            o.ApiToken = TokenA;
            o.BaseAddress = new Uri("https://a.example.com/");
        }).ConfigurePrimaryHttpMessageHandler(() => handlerA);
        services.AddCruxConnect("supplier-b", configuration.GetSection("Crux:SupplierB")).ConfigurePrimaryHttpMessageHandler(() => handlerB);
        using ServiceProvider provider = services.BuildServiceProvider(validateScopes: true);

        await provider.GetRequiredKeyedService<OrganizationUsersClient>("supplier-a").RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);
        await provider.GetRequiredService<ICruxClientFactory>().CreateClient("supplier-a").OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);
        await provider.GetRequiredKeyedService<CruxClient>("supplier-b").OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);
        await provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);

        Assert.All(handlerA.Requests, r => Assert.Equal(("a.example.com", "Token " + TokenA), (r.Uri.Host, r.Headers["Authorization"])));
        Assert.Equal(2, handlerA.Calls);
        Assert.Equal(("b.example.com", "Token " + TokenB), (Assert.Single(handlerB.Requests).Uri.Host, handlerB.Requests[0].Headers["Authorization"]));
        Assert.Equal("Token " + Fixtures.Token, Assert.Single(handlerDefault.Requests).Headers["Authorization"]);
    }

    [Fact]
    public void AddCruxConnect_SameNameTwice_ThrowsNamingIt()
    {
        var services = new ServiceCollection();
        services.AddCruxConnect("supplier-a", o => o.ApiToken = TokenA);

        var exception = Assert.Throws<ArgumentException>(() => services.AddCruxConnect("supplier-a", o => o.ApiToken = TokenB));

        Assert.Equal("name", exception.ParamName);
        Assert.Contains("'supplier-a' is already registered", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TokenA, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCruxConnect_UnnamedTwice_ThrowsInsteadOfReplacingTheToken()
    {
        var services = new ServiceCollection();
        services.AddCruxConnect(o => o.ApiToken = TokenA);

        var exception = Assert.Throws<InvalidOperationException>(() => services.AddCruxConnect(new ConfigurationBuilder().Build()));

        Assert.Contains("already been called without a name", exception.Message, StringComparison.Ordinal);
        Assert.Contains("AddCruxConnect(\"supplier-b\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCruxConnect_NameDifferingOnlyInCase_IsAnotherClient()
    {
        var handlerLower = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        var handlerUpper = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        var services = new ServiceCollection();
        services.AddCruxConnect("supplier-a", o =>
        {
            o.ApiToken = TokenA;
            o.BaseAddress = new Uri("https://a.example.com/");
        }).ConfigurePrimaryHttpMessageHandler(() => handlerLower);
        services.AddCruxConnect("Supplier-A", o =>
        {
            o.ApiToken = TokenB;
            o.BaseAddress = new Uri("https://b.example.com/");
        }).ConfigurePrimaryHttpMessageHandler(() => handlerUpper);
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<OrganizationUsersClient>("supplier-a").RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);
        await provider.GetRequiredKeyedService<CruxClient>("Supplier-A").OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);

        RecordedRequest lower = Assert.Single(handlerLower.Requests);
        RecordedRequest upper = Assert.Single(handlerUpper.Requests);
        Assert.Equal(("a.example.com", "Token " + TokenA), (lower.Uri.Host, lower.Headers["Authorization"]));
        Assert.Equal(("b.example.com", "Token " + TokenB), (upper.Uri.Host, upper.Headers["Authorization"]));
    }

    [Fact]
    public void AddCruxConnect_BadName_Throws()
    {
        var services = new ServiceCollection();

        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => services.AddCruxConnect((string)null!, _ => { })).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => services.AddCruxConnect(" ", _ => { })).ParamName);
        Assert.Equal("configuration", Assert.Throws<ArgumentNullException>(() => services.AddCruxConnect("a", (IConfiguration)null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => services.AddCruxConnect("a", (Action<CruxClientOptions>)null!)).ParamName);
        Assert.Empty(services);
    }

    [Fact]
    public void CreateClient_UnknownName_ListsTheRegisteredNames()
    {
        var services = new ServiceCollection();
        services.AddCruxConnect(o => o.ApiToken = Fixtures.Token);
        services.AddCruxConnect("supplier-a", o => o.ApiToken = TokenA);
        using ServiceProvider provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ICruxClientFactory>();

        var exception = Assert.Throws<ArgumentException>(() => factory.CreateClient("supplier-c"));

        Assert.Equal("name", exception.ParamName);
        Assert.Contains("Registered: (unnamed), 'supplier-a'.", exception.Message, StringComparison.Ordinal);
        Assert.Contains("case-sensitive", Assert.Throws<ArgumentException>(() => factory.CreateClient("Supplier-A")).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => factory.CreateClient(null!));
        Assert.NotNull(factory.CreateClient(string.Empty).OrganizationUsers);
    }

    [Theory]
    [InlineData("Supplier-A")]     // names are matched exactly: case counts
    [InlineData("supplier-a ")]
    [InlineData("supplier_a")]
    [InlineData("supplier-c")]
    public void GetRequiredKeyedService_NearMissName_ListsTheRegisteredNamesAndSaysTheyAreExact(string name)
    {
        var services = new ServiceCollection();
        services.AddCruxConnect(o => o.ApiToken = Fixtures.Token);
        services.AddCruxConnect("supplier-a", o => o.ApiToken = TokenA);
        services.AddCruxConnect("supplier-b", o => o.ApiToken = TokenB);
        using ServiceProvider provider = services.BuildServiceProvider();

        var forClient = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredKeyedService<CruxClient>(name));
        var forUsers = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredKeyedService<OrganizationUsersClient>(name));

        foreach (InvalidOperationException exception in new[] { forClient, forUsers })
        {
            Assert.Contains($"'{name}'", exception.Message, StringComparison.Ordinal);
            Assert.Contains("Registered: (unnamed), 'supplier-a', 'supplier-b'.", exception.Message, StringComparison.Ordinal);
            Assert.Contains("case-sensitive", exception.Message, StringComparison.Ordinal);
        }

        // The registered names still resolve to their own clients.
        Assert.NotNull(provider.GetRequiredKeyedService<CruxClient>("supplier-a"));
        Assert.NotNull(provider.GetRequiredKeyedService<OrganizationUsersClient>("supplier-b"));
        Assert.NotNull(provider.GetRequiredService<OrganizationUsersClient>());
    }

    [Fact]
    public async Task AddCruxConnect_Named_TakesTheTokenProviderKeyedUnderItsNameOnly()
    {
        var handlerA = new ScriptedHandler().Then(HttpStatusCode.NoContent);
        var services = new ServiceCollection();
        services.AddSingleton<ICruxTokenProvider>(new CruxFixedTokenProvider("unkeyed-token"));
        services.AddKeyedSingleton<ICruxTokenProvider>("supplier-a", new CruxFixedTokenProvider(TokenA));
        services.AddCruxConnect("supplier-a", _ => { }).ConfigurePrimaryHttpMessageHandler(() => handlerA);
        services.AddCruxConnect("supplier-b", _ => { });
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<OrganizationUsersClient>("supplier-a").RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);
        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<CruxClient>("supplier-b"));

        Assert.Equal("Token " + TokenA, Assert.Single(handlerA.Requests).Headers["Authorization"]);
        Assert.Contains("ApiToken is required.", failure.Failures);
        Assert.Contains("client 'supplier-b'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCruxConnect_Named_ValidatesOnStartNamingTheBrokenClient()
    {
        var services = new ServiceCollection();
        services.AddCruxConnect("supplier-a", o => o.ApiToken = TokenA);
        services.AddCruxConnect("broken", o => o.Timeout = TimeSpan.Zero);
        using ServiceProvider provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);

        // The tag crux.client.name that a named client's telemetry carries: CruxActivityTests.
        Assert.Equal("broken", exception.OptionsName);
        Assert.NotNull(provider.GetRequiredKeyedService<CruxClient>("supplier-a"));
    }
}
