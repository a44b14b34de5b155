using Crux.Connect;
using Crux.Connect.Authentication;
using Crux.Connect.DependencyInjection;
using Crux.Connect.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
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
    /// To take tokens from elsewhere (a vault), register an <see cref="ICruxTokenProvider"/> in the container (before or
    /// after this call) and leave <see cref="CruxClientOptions.ApiToken"/> and <see cref="CruxClientOptions.Credentials"/>
    /// unset, or set <see cref="CruxClientOptions.TokenProvider"/> in <paramref name="configure"/>.
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
    /// <c>Retry:MaxRetries</c>, <c>Retry:BaseDelay</c> and <c>Retry:MaxDelay</c>; instead of <c>ApiToken</c>, <c>Credentials:Username</c>
    /// and <c>Credentials:Password</c> to log in; and <c>PermissionCatalogLifetime</c>. Binding is reflection-free. An
    /// <see cref="ICruxTokenProvider"/> registered in the container is used when neither <c>ApiToken</c> nor credentials are configured.
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

        // A token provider registered in the container (a vault client) is the fallback way of authenticating. The client's
        // core (and so its provider) lives as long as the container: a scoped provider would be captured from the root
        // scope, so it is refused with a message that says what to do instead.
        services.AddOptions<CruxClientOptions>().PostConfigure<IServiceProvider>((options, provider) =>
        {
            if (string.IsNullOrEmpty(options.ApiToken) && options.Credentials is null && options.TokenProvider is null)
            {
                ServiceDescriptor? registration = services.LastOrDefault(static d => d.ServiceType == typeof(ICruxTokenProvider));
                if (registration is { Lifetime: ServiceLifetime.Scoped })
                {
                    throw new InvalidOperationException(
                        "ICruxTokenProvider is registered as scoped, but the Crux Connect client keeps its token provider for the application's " +
                        "lifetime. Register the provider as a singleton (services.AddSingleton<ICruxTokenProvider, YourProvider>()); " +
                        "it is called concurrently and should cache its token.");
                }

                options.TokenProvider = provider.GetService<ICruxTokenProvider>();
            }
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CruxClientOptions>, CruxClientOptionsValidator>());

        // Built once per container: the options snapshot and the resilience pipeline are shared by the
        // short-lived typed clients IHttpClientFactory hands out.
        services.TryAddSingleton(static provider =>
        {
            ILoggerFactory? loggerFactory = provider.GetService<ILoggerFactory>();
            var core = new CruxClientCore(
                CruxClientSettings.Create(provider.GetRequiredService<IOptions<CruxClientOptions>>().Value, "options"),
                loggerFactory,
                provider.GetService<TimeProvider>());

            // The login gets a fresh client from the factory each time, so handler rotation applies to it too.
            IHttpClientFactory httpClientFactory = provider.GetRequiredService<IHttpClientFactory>();
            CruxAuthentication.Attach(core, () => httpClientFactory.CreateClient(HttpClientName), loggerFactory);
            return core;
        });

        IHttpClientBuilder builder = services.AddHttpClient(HttpClientName);
        builder.AddTypedClient(
            static (HttpClient httpClient, IServiceProvider provider) => new CruxClient(httpClient, provider.GetRequiredService<CruxClientCore>()));

        // The SDK's own Timeout and AttemptTimeout govern; HttpClient's 100 s default must not cut in first.
        builder.ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan);

        // IHttpClientFactory's logging must never print the Authorization value, at any level. Redaction alone is not
        // enough: its Trace header records redact the message but carry the raw header values as structured state, which
        // structured providers (OpenTelemetry, JSON console, Serilog) export. So its loggers are removed; the SDK's own
        // "Crux.Connect" events cover every attempt. Redaction stays for anyone who adds the default logger back.
        builder.RemoveAllLoggers();

        // No request of the SDK (the login's POST with the password least of all) may follow a redirect: switch automatic
        // redirects off on whichever primary handler ends up configured. PostConfigure runs after every Configure, so a
        // handler the application sets with ConfigurePrimaryHttpMessageHandler is covered whatever the order of the calls.
        services.PostConfigure<HttpClientFactoryOptions>(HttpClientName, static factoryOptions =>
            factoryOptions.HttpMessageHandlerBuilderActions.Add(static handlerBuilder => NoRedirects.Apply(handlerBuilder.PrimaryHandler)));
        builder.RedactLoggedHeaders(static _ => true);

        services.TryAddTransient(static provider => provider.GetRequiredService<CruxClient>().OrganizationUsers);
        return builder;
    }
}
