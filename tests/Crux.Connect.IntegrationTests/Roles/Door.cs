namespace Crux.Connect.IntegrationTests.Roles;

/// <summary>The simulator's two front doors: its in-memory handler, and Kestrel on 127.0.0.1.</summary>
public enum Door
{
    InMemory,
    Kestrel,
}
