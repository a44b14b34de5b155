using Crux.Connect.Cli.Tests.Support;
using Spectre.Console.Testing;

namespace Crux.Connect.Cli.Tests;

/// <summary>Colour only on a terminal, never with NO_COLOR; progress and notes on standard error; the prompt without echo.</summary>
public class OutputTests
{
    [Fact]
    public async Task Terminal_NoColorSet_NoColourCodes()
    {
        CliResult result = await CruxTool.RunAsync(
            ["--simulator", "user", "set", "3c2ef0c2-d6dc-4925-84b4-a68021711ae6", "view_org_users"],
            new Dictionary<string, string?> { ["NO_COLOR"] = "1", ["TERM"] = "xterm-256color" },
            terminal: true);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.DoesNotMatch(@"\u001b\[[0-9;]*3[0-9]m", result.All); // no foreground colour
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public void Consoles_NotATerminalOrNoColor_NoColourSystem(bool terminal, bool noColor)
    {
        Spectre.Console.IAnsiConsole console = Hosting.Consoles.Create(new StringWriter(), terminal, noColor, columns: null);

        Assert.Equal(Spectre.Console.ColorSystem.NoColors, console.Profile.Capabilities.ColorSystem);
        if (!terminal)
        {
            Assert.False(console.Profile.Capabilities.Ansi);
        }
    }

    [Fact]
    public async Task Redirected_NoEscapeCodesAnywhere()
    {
        using var folder = new TempFolder();
        string file = folder.Write("team.csv", "user,permissions\n3c2ef0c2-d6dc-4925-84b4-a68021711ae6,view_org_users\n");

        CliResult result = await CruxTool.RunAsync(["--simulator", "bulk", "apply", file, "--yes"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.DoesNotContain("\u001b", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkApply_Json_StandardOutputIsOneDocumentProgressOnStandardError()
    {
        using var folder = new TempFolder();
        string file = folder.Write("team.csv", "user,permissions\n3c2ef0c2-d6dc-4925-84b4-a68021711ae6,view_org_users\n");

        CliResult result = await CruxTool.RunAsync(["--simulator", "bulk", "apply", file, "--yes", "-o", "json"]);

        using var json = System.Text.Json.JsonDocument.Parse(result.Out); // throws if anything else is on standard output
        Assert.Equal("simulator", json.RootElement.GetProperty("environment").GetString());
        Assert.Contains("Environment: simulator", result.Error);
        Assert.Contains("Planned 1/1, 0 failed, 0 rate-limit pauses", result.Error);
        Assert.Contains("Applied 1/1, 0 failed, 0 rate-limit pauses", result.Error);
    }

    [Fact]
    public async Task PasswordPrompt_TypedPasswordIsNotEchoed()
    {
        const string password = "supplier-admin-password";
        var console = new TestConsole().Interactive();
        console.Input.PushTextWithEnter(password);

        CliResult result = await CruxTool.RunAsync(["--simulator", "-u", "admin@supplier.example", "catalog", "list"], prompt: console);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Password for admin@supplier.example:", console.Output);
        Assert.DoesNotContain(password, console.Output);
        Assert.DoesNotContain("*", console.Output); // not even a mask: the length is not shown either
    }
}
