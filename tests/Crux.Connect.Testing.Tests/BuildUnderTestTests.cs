using System.Reflection;
using System.Runtime.Versioning;

namespace Crux.Connect.Testing.Tests;

/// <summary>
/// These sources run once per asset the package ships (tests/ShippedTargets.props): each test target must load the
/// simulator build it is named for, or a target would silently test another one twice.
/// </summary>
public sealed class BuildUnderTestTests
{
    [Fact]
    public void SimulatorUnderTest_IsTheBuildThisTargetMeansToExercise()
    {
        string? framework = typeof(CruxSimulator).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
        string? expected = typeof(BuildUnderTestTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "CruxAssetUnderTest")?.Value;

        Assert.NotNull(expected);
        Assert.Equal(expected, framework);
    }
}
