namespace Crux.Connect.Testing.Tests;

public sealed class PackageConventionTests
{
    [Fact]
    public void TestingAssembly_References_NeverTheSdk()
    {
        // The simulator is a server-side fake: users test any HTTP client against it, so it must not drag the SDK in.
        var references = typeof(CruxSimulator).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("Crux.Connect", references);
        Assert.Contains("Microsoft.AspNetCore.Server.Kestrel.Core", references);
    }

    [Fact]
    public void PublicTypes_AreSealedOrEnums()
    {
        var open = typeof(CruxSimulator).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(open);
    }
}
