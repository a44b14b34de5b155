using Crux.Connect;
using Crux.Connect.DependencyInjection;
using Crux.Connect.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Crux Connect SDK with a service collection.</summary>
public static class CruxConnectServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the SDK registers with <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "Crux.Connect";

    /// <summary>
    /// Registers <see cref="CruxClient"/> and <see cref="OrganizationUsersClient"/> with a typed
    /// <see cref="HttpClient"/> from <c>IHttpClientFactory</c>. The options are validated at start-up
    /// (<c>ValidateOnStart</c>), so a bad configuration fails before the first call. Retries and timeouts live
    /// inside the client: do not add a second retry handler to the returned builder.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; o.ApiToken = token</c>.</param>
    /// <returns>The builder of the SDK's <see cref="HttpClient"/>, to add your own handlers (they run once per attempt).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddCruxConnect(this IServiceCollection services, Action<CruxClientOptions> configure)
    {
        Guard.NotNull(services);
        Guard.NotNull(configure);
        services.AddOptions<CruxClientOptions>().Configure(configure);
        return AddCore(services);
    }

    /// <summary>
    /// Registers the SDK like <see cref="AddCruxConnect(IServiceCollection, Action{CruxClientOptions})"/>, with options
    /// bound from a configuration section, e.g. <c>builder.Configuration.GetSection("CruxConnect")</c>, holding
    /// <c>BaseAddress</c>, <c>ApiToken</c>, <c>ApiVersion</c>, <c>AttemptTimeout</c>, <c>Timeout</c>,
    /// <c>Retry:MaxRetries</c>, <c>Retry:BaseDelay</c> and <c>Retry:MaxDelay</c>. Binding is reflection-free.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section itself.</param>
    /// <returns>The builder of the SDK's <see cref="HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddCruxConnect(this IServiceCollection services, IConfiguration configuration)
    {
        Guard.NotNull(services);
        Guard.NotNull(configuration);
        services.AddOptions<CruxClientOptions>().Configure(options => CruxConfigurationBinder.Bind(configuration, options));
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.AddOptions<CruxClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CruxClientOptions>, CruxClientOptionsValidator>());

        // Built once per container: the options snapshot and the resilience pipeline are shared by the
        // short-lived typed clients IHttpClientFactory hands out.
        services.TryAddSingleton(static provider => new CruxClientCore(
            CruxClientSettings.Create(provider.GetRequiredService<IOptions<CruxClientOptions>>().Value, "options"),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<TimeProvider>()));

        IHttpClientBuilder builder = services.AddHttpClient(HttpClientName);
        builder.AddTypedClient(
            static (HttpClient httpClient, IServiceProvider provider) => new CruxClient(httpClient, provider.GetRequiredService<CruxClientCore>()));

        // The SDK's own Timeout and AttemptTimeout govern; HttpClient's 100 s default must not cut in first.
        builder.ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan);

        // IHttpClientFactory's logging must never print the Authorization value, at any level.
        builder.RedactLoggedHeaders(static _ => true);

        services.TryAddTransient(static provider => provider.GetRequiredService<CruxClient>().OrganizationUsers);
        return builder;
    }
}
