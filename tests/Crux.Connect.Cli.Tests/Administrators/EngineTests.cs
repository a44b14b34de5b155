using Crux.Connect.Cli.Tests.Support;

namespace Crux.Connect.Cli.Tests.Administrators;

/// <summary>Issue 21, "The tool on the engine": <c>crux bulk apply</c> runs on the SDK's bulk engine (patient under 429), and reads
/// the catalog once.</summary>
public class EngineTests
{
    [Fact]
    public async Task Apply_RateLimited_SummaryCountsThePausesTheEngineSaw()
    {
        await using Team team = await Team.StartAsync(12);
        team.Simulator.Faults.RateLimit(10, TimeSpan.FromSeconds(1));

        CliResult result = await CruxTool.RunAsync(team.Args("apply", "--yes", "--concurrency", "8", "--output", "json"), team.Server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var document = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.Equal(team.Simulator.Faults.RateLimitedCount, document.RootElement.GetProperty("summary").GetProperty("rateLimitedResponses").GetInt64());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BulkApply_ReadsTheCatalogOnce(bool fromPlanFile)
    {
        await using Team team = await Team.StartAsync(5);
        string plan = team.Folder.File("plan.json");
        if (fromPlanFile)
        {
            Assert.Equal(ExitCodes.Success, (await CruxTool.RunAsync(team.Args("plan", "--out", plan), team.Server.AdminToken)).ExitCode);
            team.Simulator.Requests.Clear();
        }

        CliResult result = await CruxTool.RunAsync(
            fromPlanFile ? team.Server.Args("bulk", "apply", "--plan", plan, "--yes") : team.Args("apply", "--yes"), team.Server.AdminToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(1, team.Simulator.Requests.Count(r => r.Path.EndsWith("all_permissions/", StringComparison.Ordinal)));
    }
}
