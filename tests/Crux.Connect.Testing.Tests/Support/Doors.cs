namespace Crux.Connect.Testing.Tests.Support;

public static class Doors
{
    public static TheoryData<Door> Both => new() { Door.Memory, Door.Http };
}
