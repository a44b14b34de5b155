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

    /// <summary>What a name no registration has is told, here and by the container's keyed fallback: the names that are registered.</summary>
    internal static string NotRegistered(object? name, IEnumerable<string> registered)
    {
        string[] names = [.. registered.OrderBy(static n => n, StringComparer.Ordinal)];
        string known = names.Length == 0 ? "none" : string.Join(", ", names.Select(static n => n.Length == 0 ? "(unnamed)" : "'" + n + "'"));
        return $"No Crux Connect client is registered under the name '{name}' (names are matched exactly, case-sensitive). Registered: {known}.";
    }

    public CruxClient CreateClient(string name)
    {
        Guard.NotNull(name);
        if (!_registrations.TryGetValue(name, out CruxClientRegistration? registration))
        {
            throw new ArgumentException(NotRegistered(name, _registrations.Keys), nameof(name));
        }

        return registration.IsDefault
            ? _provider.GetRequiredService<CruxClient>()
            : _provider.GetRequiredKeyedService<CruxClient>(name);
    }
}
