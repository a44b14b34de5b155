namespace Crux.Connect.Testing.Tests.Support;

/// <summary>Which front door a test goes through; every rule is checked through both.</summary>
public enum Door
{
    Memory,
    Http,
}
