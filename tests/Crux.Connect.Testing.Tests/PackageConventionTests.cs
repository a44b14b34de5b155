namespace Crux.Connect.Testing.Tests;

public sealed class PackageConventionTests
{
    [Fact]
    public void TestingAssembly_References_NeverTheSdk()
    {
        // The simulator is a server-side fake: users test any HTTP client against it, so it must not drag the SDK in.
        var references = typeof(CruxSimulator).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("Crux.Connect", references);
#if CRUX_NETSTANDARD_UNDER_TEST
        // The lowest target has the in-memory door only: nothing of ASP.NET Core, so .NET Framework test projects can load it.
        Assert.Equal("netstandard", typeof(CruxSimulator).Assembly.GetReferencedAssemblies().Single(a => a.Name == "netstandard").Name);
        Assert.DoesNotContain(references, r => r!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Null(typeof(CruxSimulator).GetMethod("StartServerAsync"));
#else
        Assert.Contains("Microsoft.AspNetCore.Server.Kestrel.Core", references);
        Assert.NotNull(typeof(CruxSimulator).GetMethod("StartServerAsync"));
#endif
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
