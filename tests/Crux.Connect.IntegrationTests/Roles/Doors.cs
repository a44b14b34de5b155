namespace Crux.Connect.IntegrationTests.Roles;

/// <summary>Theory data: both of the simulator's doors.</summary>
public static class Doors
{
    public static TheoryData<Door> Both => new(Enum.GetValues<Door>());
}
