using System.CommandLine;
using Crux.Connect.Cli.Hosting;
using Crux.Connect.Cli.Tests.Support;

namespace Crux.Connect.Cli.Tests;

public class HelpTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        RootCommand root = CruxCli.Build(new CliHost { Out = TextWriter.Null, Error = TextWriter.Null, In = TextReader.Null, GetEnvironmentVariable = _ => null }, new GlobalOptions());
        foreach (string path in Paths(root, []))
        {
            data.Add(path);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EveryCommand_UsageOptionsAndAnExample(string command)
    {
        CliResult result = await CruxTool.RunAsync([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Usage:", result.Out);
        Assert.Contains("crux", result.Out);
        Assert.Contains("Example", result.Out);
        Assert.Contains("  crux ", result.Out[result.Out.IndexOf("Example", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Help_Root_ExitCodesAndCredentials()
    {
        CliResult result = await CruxTool.RunAsync(["--help"]);

        Assert.Contains("Exit codes:", result.Out);
        Assert.Contains("130  cancelled", result.Out);
        Assert.Contains("CRUX_API_TOKEN", result.Out);
    }

    [Fact]
    public async Task Version_PrintsTheVersion()
    {
        CliResult result = await CruxTool.RunAsync(["--version"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out.Trim());
    }

    private static IEnumerable<string> Paths(Command command, string[] prefix)
    {
        yield return string.Join(' ', prefix);
        foreach (Command sub in command.Subcommands)
        {
            foreach (string path in Paths(sub, [.. prefix, sub.Name]))
            {
                yield return path;
            }
        }
    }
}
