namespace Crux.Connect.DependencyInjection;

/// <summary>
/// Marks one <c>AddCruxConnect</c> call in the service collection, so a second call for the same name is caught at
/// registration and <see cref="ICruxClientFactory"/> can list the names that exist.
/// </summary>
internal sealed class CruxClientRegistration
{
    public CruxClientRegistration(string name, string httpClientName)
    {
        Name = name;
        HttpClientName = httpClientName;
    }

    /// <summary>Gets the client's name; <see cref="string.Empty"/> for the unnamed registration.</summary>
    public string Name { get; }

    /// <summary>Gets the name of its <see cref="HttpClient"/> with <c>IHttpClientFactory</c>.</summary>
    public string HttpClientName { get; }

    public bool IsDefault => Name.Length == 0;
}
