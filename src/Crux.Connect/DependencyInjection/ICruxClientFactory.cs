namespace Crux.Connect;

/// <summary>
/// Creates the clients registered by name with <c>AddCruxConnect(name, …)</c>, one per Crux organization an
/// application acts for. Registered as a singleton by every <c>AddCruxConnect</c> call; the clients it creates are cheap
/// to create and safe to keep (they share their registration's options snapshot, token provider and resilience pipeline).
/// </summary>
public interface ICruxClientFactory
{
    /// <summary>Creates the client registered under <paramref name="name"/>.</summary>
    /// <param name="name">The name given to <c>AddCruxConnect</c>; <see cref="string.Empty"/> for the unnamed registration.</param>
    /// <returns>A client using that registration's options, token provider and <see cref="HttpClient"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No client is registered under <paramref name="name"/> (the message lists the names that are).</exception>
    CruxClient CreateClient(string name);
}
