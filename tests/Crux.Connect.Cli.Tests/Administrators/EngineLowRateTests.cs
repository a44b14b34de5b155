using Crux.Connect.Cli.Tests.Support;

namespace Crux.Connect.Cli.Tests.Administrators;

/// <summary>Issue 21, "The tool on the engine", the issue's own case: sixty users at eight requests a second with sixteen
/// workers, about 23 s of rate-limit windows. In a class of its own (an xunit collection) so that its waiting overlaps with
/// <see cref="EngineTests"/> and the other classes instead of adding to them.</summary>
public class EngineLowRateTests
{
    [Fact]
    public async Task Apply_SixtyUsersEightRequestsPerSecondSixteenWorkers_SixtyOfSixtyDone()
    {
        await using Team team = await Team.StartAsync(60);
        team.Simulator.Faults.RateLimit(8, TimeSpan.FromSeconds(1));

        CliResult result = await CruxTool.RunAsync(team.Args("apply", "--yes", "--concurrency", "16"), team.Server.AdminToken);

        Assert.True(ExitCodes.Success == result.ExitCode, result.Out + result.Error);
        Assert.Contains("60 users: 60 changed, 0 already as wanted", result.Out);
        Assert.True(team.Simulator.Faults.RateLimitedCount > 0, "the server never rate limited: the case is not the one of the issue");
        Assert.False(File.Exists(team.Folder.File("team.failed.csv")));
        team.AssertDoneOrUntouched(new HashSet<Guid>());
    }
}
