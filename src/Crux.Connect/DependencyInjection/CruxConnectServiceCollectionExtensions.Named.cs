using Crux.Connect;
using Crux.Connect.DependencyInjection;
using Crux.Connect.Internal;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <content>Named registrations: one client per Crux organization an application acts for.</content>
public static partial class CruxConnectServiceCollectionExtensions
{
    /// <summary>
    /// Registers a client under <paramref name="name"/>, with its own options, token provider, <see cref="HttpClient"/>
    /// (<c>Crux.Connect:</c><paramref name="name"/> with <c>IHttpClientFactory</c>) and the <c>crux.client.name</c> telemetry tag.
    /// Resolve it as a keyed service (<c>[FromKeyedServices("supplier-a")] OrganizationUsersClient</c>, or <see cref="CruxClient"/>)
    /// or through <see cref="ICruxClientFactory.CreateClient"/>. An <see cref="ICruxTokenProvider"/> registered as a keyed
    /// service under the same name is used when the options set no way of authenticating.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name, e.g. <c>"supplier-a"</c>; unique in the collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder of this client's <see cref="HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="name"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space, or already registered.</exception>
    public static IHttpClientBuilder AddCruxConnect(this IServiceCollection services, string name, Action<CruxClientOptions> configure)
    {
        Guard.NotNull(services);
        GuardName(name);
        Guard.NotNull(configure);
        return AddCore(services, name, configure);
    }

    /// <summary>
    /// Registers a client under <paramref name="name"/> like <see cref="AddCruxConnect(IServiceCollection, string, Action{CruxClientOptions})"/>,
    /// with options bound from a configuration section, e.g. <c>builder.Configuration.GetSection("Crux:SupplierA")</c>, holding the
    /// keys <see cref="AddCruxConnect(IServiceCollection, IConfiguration)"/> reads.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name, e.g. <c>"supplier-a"</c>; unique in the collection.</param>
    /// <param name="configuration">The configuration section itself.</param>
    /// <returns>The builder of this client's <see cref="HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="name"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space, or already registered.</exception>
    public static IHttpClientBuilder AddCruxConnect(this IServiceCollection services, string name, IConfiguration configuration)
    {
        Guard.NotNull(services);
        GuardName(name);
        Guard.NotNull(configuration);
        return AddCore(services, name, options => CruxConfigurationBinder.Bind(configuration, options));
    }

    private static void GuardName(string name)
    {
        Guard.NotNull(name);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("The client name must not be empty or white space; call AddCruxConnect without a name for the unnamed client.", nameof(name));
        }
    }
}
