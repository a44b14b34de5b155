namespace Crux.Connect.Testing;

/// <summary>A simulator of the Crux Connect API (placeholder until the simulator lands).</summary>
public sealed class CruxSimulator
{
}
