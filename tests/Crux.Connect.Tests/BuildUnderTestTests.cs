using System.Reflection;
using System.Runtime.Versioning;

namespace Crux.Connect.Tests;

/// <summary>These sources run twice: against the net10.0 build and, in Crux.Connect.Tests.NetStandard, against netstandard2.0.</summary>
public class BuildUnderTestTests
{
    [Fact]
    public void LibraryUnderTest_IsTheBuildThisProjectMeansToExercise()
    {
        string? framework = typeof(CruxClient).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;

#if CRUX_NETSTANDARD_UNDER_TEST
        Assert.Equal(".NETStandard,Version=v2.0", framework);
#else
        Assert.Equal(".NETCoreApp,Version=v10.0", framework);
#endif
    }
}
