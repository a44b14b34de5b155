using Crux.Connect.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace Crux.Connect.DependencyInjection;

/// <summary>Answers <see cref="ICruxClientFactory.CreateClient"/> from the keyed registrations <c>AddCruxConnect</c> made.</summary>
internal sealed class CruxClientFactory : ICruxClientFactory
{
    private readonly IServiceProvider _provider;
    private readonly Dictionary<string, CruxClientRegistration> _registrations;

    public CruxClientFactory(IServiceProvider provider, IEnumerable<CruxClientRegistration> registrations)
    {
        _provider = provider;
        _registrations = registrations.ToDictionary(static r => r.Name, StringComparer.Ordinal);
    }

    public CruxClient CreateClient(string name)
    {
        Guard.NotNull(name);
        if (!_registrations.TryGetValue(name, out CruxClientRegistration? registration))
        {
            string known = _registrations.Count == 0
                ? "none"
                : string.Join(", ", _registrations.Keys.OrderBy(static n => n, StringComparer.Ordinal).Select(static n => n.Length == 0 ? "(unnamed)" : "'" + n + "'"));
            throw new ArgumentException($"No Crux Connect client is registered under the name '{name}'. Registered: {known}.", nameof(name));
        }

        return registration.IsDefault
            ? _provider.GetRequiredService<CruxClient>()
            : _provider.GetRequiredKeyedService<CruxClient>(name);
    }
}
