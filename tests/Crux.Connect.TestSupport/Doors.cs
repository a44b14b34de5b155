namespace Crux.Connect.TestSupport;

/// <summary>Theory data (for <c>[MemberData]</c>): both of the simulator's doors.</summary>
public static class Doors
{
    /// <summary>Gets one row per <see cref="Door"/>. Plain rows rather than xunit's <c>TheoryData</c>: this library takes
    /// nothing of the test framework (see its csproj).</summary>
    public static IEnumerable<object[]> Both => [.. Enum.GetValues(typeof(Door)).Cast<Door>().Select(door => new object[] { door })];
}
