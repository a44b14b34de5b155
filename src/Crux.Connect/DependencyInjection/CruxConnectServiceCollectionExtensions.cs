using Crux.Connect;
using Crux.Connect.Authentication;
using Crux.Connect.DependencyInjection;
using Crux.Connect.Diagnostics;
using Crux.Connect.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Crux Connect SDK with a service collection.</summary>
public static partial class CruxConnectServiceCollectionExtensions
{
    /// <summary>The name of the unnamed registration's <see cref="HttpClient"/> with <c>IHttpClientFactory</c>; a named one's is <c>Crux.Connect:</c> followed by its name.</summary>
    public const string HttpClientName = "Crux.Connect";

    /// <summary>
    /// Registers <see cref="CruxClient"/> and <see cref="OrganizationUsersClient"/> with a typed
    /// <see cref="HttpClient"/> from <c>IHttpClientFactory</c>. The options are validated at start-up
    /// (<c>ValidateOnStart</c>), so a bad configuration fails before the first call. Retries and timeouts live
    /// inside the client: do not add a second retry handler to the returned builder.
    /// To take tokens from elsewhere (a vault), register an <see cref="ICruxTokenProvider"/> in the container (before or
    /// after this call) and leave <see cref="CruxClientOptions.ApiToken"/> and <see cref="CruxClientOptions.Credentials"/>
    /// unset, or set <see cref="CruxClientOptions.TokenProvider"/> in <paramref name="configure"/>.
    /// Call it once: for a second organization use <see cref="AddCruxConnect(IServiceCollection, string, Action{CruxClientOptions})"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, e.g. <c>o =&gt; o.ApiToken = token</c>.</param>
    /// <returns>The builder of the SDK's <see cref="HttpClient"/>, to add your own handlers (they run once per attempt).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The unnamed client is already registered.</exception>
    public static IHttpClientBuilder AddCruxConnect(this IServiceCollection services, Action<CruxClientOptions> configure)
    {
        Guard.NotNull(services);
        Guard.NotNull(configure);
        return AddCore(services, string.Empty, configure);
    }

    /// <summary>
    /// Registers the SDK like <see cref="AddCruxConnect(IServiceCollection, Action{CruxClientOptions})"/>, with options
    /// bound from a configuration section, e.g. <c>builder.Configuration.GetSection("CruxConnect")</c>, holding
    /// <c>BaseAddress</c>, <c>ApiToken</c>, <c>ApiVersion</c>, <c>AttemptTimeout</c>, <c>Timeout</c>,
    /// <c>Retry:MaxRetries</c>, <c>Retry:BaseDelay</c> and <c>Retry:MaxDelay</c>; instead of <c>ApiToken</c>, <c>Credentials:Username</c>
    /// and <c>Credentials:Password</c> to log in; and <c>PermissionCatalogLifetime</c>. Binding is reflection-free; a key the SDK
    /// does not know, or a value it cannot read, fails start-up with a message naming the full key. An
    /// <see cref="ICruxTokenProvider"/> registered in the container is used when neither <c>ApiToken</c> nor credentials are configured.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section itself.</param>
    /// <returns>The builder of the SDK's <see cref="HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The unnamed client is already registered.</exception>
    public static IHttpClientBuilder AddCruxConnect(this IServiceCollection services, IConfiguration configuration)
    {
        Guard.NotNull(services);
        Guard.NotNull(configuration);
        return AddCore(services, string.Empty, options => CruxConfigurationBinder.Bind(configuration, options));
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string name, Action<CruxClientOptions> configure)
    {
        ThrowIfRegistered(services, name);
        bool isDefault = name.Length == 0;
        string httpClientName = isDefault ? HttpClientName : HttpClientName + ":" + name;
        services.AddSingleton(new CruxClientRegistration(name, httpClientName));
        services.TryAddSingleton<ICruxClientFactory, CruxClientFactory>();
        services.TryAddSingleton<CruxMetrics>(CruxMeterRegistration.Create);

        OptionsBuilder<CruxClientOptions> options = services.AddOptions<CruxClientOptions>(name);
        options.Configure(configure);
        options.ValidateOnStart();

        // A token provider registered in the container (a vault client) is the fallback way of authenticating; a named
        // client takes only the one registered under its own name, so two organizations never share a token by accident.
        options.PostConfigure<IServiceProvider>((o, provider) =>
        {
            if (string.IsNullOrEmpty(o.ApiToken) && o.Credentials is null && o.TokenProvider is null)
            {
                if (isDefault && services.LastOrDefault(static d => d.ServiceType == typeof(ICruxTokenProvider) && !d.IsKeyedService) is { Lifetime: ServiceLifetime.Scoped })
                {
                    // The client's core (and so its provider) lives as long as the container: a scoped provider would be
                    // captured from the root scope, so it is refused with a message that says what to do instead.
                    throw new InvalidOperationException(
                        "ICruxTokenProvider is registered as scoped, but the Crux Connect client keeps its token provider for the application's " +
                        "lifetime. Register the provider as a singleton (services.AddSingleton<ICruxTokenProvider, YourProvider>()); " +
                        "it is called concurrently and should cache its token.");
                }

                o.TokenProvider = isDefault ? provider.GetService<ICruxTokenProvider>() : provider.GetKeyedService<ICruxTokenProvider>(name);
            }
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CruxClientOptions>, CruxClientOptionsValidator>());

        // Built once per container and name: the options snapshot and the resilience pipeline are shared by the
        // short-lived clients handed out.
        IHttpClientBuilder builder = services.AddHttpClient(httpClientName);
        if (isDefault)
        {
            services.TryAddSingleton(provider => CreateCore(provider, name, httpClientName));
            builder.AddTypedClient(
                static (HttpClient httpClient, IServiceProvider provider) => new CruxClient(httpClient, provider.GetRequiredService<CruxClientCore>()));
            services.TryAddTransient(static provider => provider.GetRequiredService<CruxClient>().OrganizationUsers);
        }
        else
        {
            services.AddKeyedSingleton(name, (provider, _) => CreateCore(provider, name, httpClientName));
            services.AddKeyedTransient(name, (provider, _) => new CruxClient(
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(httpClientName), provider.GetRequiredKeyedService<CruxClientCore>(name)));
            services.AddKeyedTransient(name, static (provider, key) => provider.GetRequiredKeyedService<CruxClient>(key).OrganizationUsers);
        }

        // A key no registration has falls back here (an exact registration always wins), so [FromKeyedServices("Supplier-A")] or
        // GetRequiredKeyedService with a near-miss name lists the registered names, as ICruxClientFactory does.
        services.TryAddKeyedTransient<CruxClient>(KeyedService.AnyKey, static (provider, key) => throw NotRegistered(provider, key));
        services.TryAddKeyedTransient<OrganizationUsersClient>(KeyedService.AnyKey, static (provider, key) => throw NotRegistered(provider, key));

        ConfigureHttpClient(builder, name);
        return builder;
    }

    private static InvalidOperationException NotRegistered(IServiceProvider provider, object? key) =>
        new(CruxClientFactory.NotRegistered(key, provider.GetServices<CruxClientRegistration>().Select(static r => r.Name)));

    private static CruxClientCore CreateCore(IServiceProvider provider, string name, string httpClientName)
    {
        ILoggerFactory? loggerFactory = provider.GetService<ILoggerFactory>();
        CruxClientOptions options = provider.GetRequiredService<IOptionsMonitor<CruxClientOptions>>().Get(name);
        // The login gets a fresh client from the factory each time, so handler rotation applies to it too.
        IHttpClientFactory httpClientFactory = provider.GetRequiredService<IHttpClientFactory>();
        return CruxClientCore.Create(
            options,
            "options",
            () => httpClientFactory.CreateClient(httpClientName),
            loggerFactory,
            provider.GetService<TimeProvider>(),
            name.Length == 0 ? null : name,
            provider.GetRequiredService<CruxMetrics>());
    }

    private static void ConfigureHttpClient(IHttpClientBuilder builder, string optionsName)
    {
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
        // A primary handler that wraps the socket handler is walked through; one the SDK cannot see into is refused at start-up
        // when the client sends a password (Credentials), the one request a redirect must never carry elsewhere.
        builder.Services.PostConfigure<HttpClientFactoryOptions>(builder.Name, factoryOptions =>
            factoryOptions.HttpMessageHandlerBuilderActions.Add(handlerBuilder => NoRedirects.Apply(
                handlerBuilder.PrimaryHandler,
                () => handlerBuilder.Services.GetRequiredService<IOptionsMonitor<CruxClientOptions>>().Get(optionsName).Credentials is not null,
                builder.Name)));
        builder.RedactLoggedHeaders(static _ => true);
        CruxHandlerLifetime.Apply(builder);
    }

    private static void ThrowIfRegistered(IServiceCollection services, string name)
    {
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == typeof(CruxClientRegistration) && !descriptor.IsKeyedService
                && descriptor.ImplementationInstance is CruxClientRegistration registration && registration.Name == name)
            {
                if (name.Length == 0)
                {
                    throw new InvalidOperationException(
                        "AddCruxConnect has already been called without a name; a second call would replace the first one's options and token. " +
                        "For another organization, register a named client: AddCruxConnect(\"supplier-b\", …). " +
                        "To change the existing client's options, use services.PostConfigure<CruxClientOptions>(…).");
                }

                throw new ArgumentException(
                    $"A Crux Connect client named '{name}' is already registered; a second registration would replace the first one's options and token. " +
                    "Give each organization its own name.",
                    nameof(name));
            }
        }
    }
}
