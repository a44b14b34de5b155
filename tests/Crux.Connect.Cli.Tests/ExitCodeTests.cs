using System.Text.Json;
using Crux.Connect.Cli.Tests.Support;

namespace Crux.Connect.Cli.Tests;

/// <summary>Each documented exit code, with the message a person reads and the error document a script reads.</summary>
public class ExitCodeTests
{
    [Fact]
    public void ExitCodes_AreTheDocumentedNumbers()
    {
        (int Code, string Word)[] documented =
        [
            (ExitCodes.Success, "success"), (ExitCodes.Failed, "failed"), (ExitCodes.Usage, "usage error"),
            (ExitCodes.Authentication, "authentication failed"), (ExitCodes.Cancelled, "cancelled"),
        ];
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "cli.md"));

        Assert.Equal([0, 1, 2, 3, 130], documented.Select(d => d.Code));
        foreach ((int code, string word) in documented)
        {
            Assert.Contains($"| {code} | {word}", readme);
            Assert.Matches($@"(?m)^  {code} +{word}", CruxCli.ExitCodesHelp);
        }
    }

    [Fact]
    public async Task Success_Zero()
    {
        CliResult result = await CruxTool.RunAsync(["--simulator", "catalog", "list"]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Failed_UserNotFound_One()
    {
        CliResult result = await CruxTool.RunAsync(["--simulator", "user", "show", Guid.NewGuid().ToString(), "-o", "json"]);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("error: Not found", result.Error);
        AssertErrorDocument(result, "failed", ExitCodes.Failed);
    }

    [Fact]
    public async Task Failed_ViewerMayNotChange_One()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        var viewer = new Dictionary<string, string?> { ["CRUX_API_TOKEN"] = server.Simulator.SupplierViewer.Token };

        CliResult result = await CruxTool.RunAsync(server.Args("user", "remove", server.Simulator.SupplierMember.Uuid.ToString(), "view_order"), viewer);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("Permission denied", result.Error);
        Assert.Contains("edit_org_users", result.Error);
    }

    [Theory]
    [InlineData(new[] { "catalog", "list" }, "Choose the environment")]
    [InlineData(new[] { "--simulator", "--environment", "sandbox", "catalog", "list" }, "Choose one environment only")]
    [InlineData(new[] { "--environment", "staging", "catalog", "list" }, "staging")]
    [InlineData(new[] { "--simulator", "catalog", "lst" }, "lst")]
    [InlineData(new[] { "--simulator", "--frobnicate", "catalog", "list" }, "--frobnicate")]
    [InlineData(new[] { "--simulator", "user", "show", "not-a-uuid" }, "'not-a-uuid' is not a user uuid")]
    [InlineData(new[] { "--simulator", "user", "add", "3c2ef0c2-d6dc-4925-84b4-a68021711ae6", "no_such_permission" }, "Unknown permission 'no_such_permission'")]
    [InlineData(new[] { "--simulator", "user", "set", "3c2ef0c2-d6dc-4925-84b4-a68021711ae6" }, "Name the permissions")]
    [InlineData(new[] { "--simulator", "bulk", "plan", "/no/such/file.csv" }, "does not exist")]
    [InlineData(new[] { "--simulator", "bulk", "apply", "x.csv", "--concurrency", "0" }, "--concurrency must be from 1 to 64")]
    [InlineData(new[] { "--base-address", "ftp://example.com/", "catalog", "list" }, "must be an absolute http(s) address")]
    [InlineData(new[] { "--simulator", "--password-stdin", "catalog", "list" }, "--password-stdin needs --username")]
    [InlineData(new[] { "--simulator", "--token-stdin", "-u", "x", "catalog", "list" }, "exclude each other")]
    [InlineData(new string[0], "Required command was not provided")]
    public async Task Usage_Two(string[] args, string expected)
    {
        CliResult result = await CruxTool.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Usage_PlainHttpToARemoteHost_TwoTheSdksRule()
    {
        CliResult result = await CruxTool.RunAsync(["--base-address", "http://example.com/", "--token-stdin", "catalog", "list"], stdin: "a-token\n");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("loopback", result.Error);
    }

    [Fact]
    public async Task Usage_Json_ErrorDocumentOnStandardOutput()
    {
        CliResult result = await CruxTool.RunAsync(["--simulator", "-o", "json", "catalog", "lst"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        AssertErrorDocument(result, "usage", ExitCodes.Usage);
    }

    [Fact]
    public async Task Authentication_WrongToken_ThreeAndNothingChanged()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var folder = new TempFolder();
        string file = folder.Write("team.csv", $"user,permissions\n{server.Simulator.SupplierMember.Uuid},view_org_users\n");
        var wrong = new Dictionary<string, string?> { ["CRUX_API_TOKEN"] = new string('0', 40) };

        CliResult result = await CruxTool.RunAsync(server.Args("bulk", "apply", file, "--yes", "-o", "json"), wrong);

        Assert.Equal(ExitCodes.Authentication, result.ExitCode);
        Assert.Contains("Authentication failed: Invalid token.", result.Error);
        AssertErrorDocument(result, "authentication", ExitCodes.Authentication);
        Assert.DoesNotContain(server.Simulator.Requests.Snapshot(), r => r.Method is "DELETE" or "PATCH");
        Assert.False(File.Exists(folder.File("team.failed.csv")));
    }

    [Fact]
    public async Task Authentication_WrongPassword_Three()
    {
        CliResult result = await CruxTool.RunAsync(
            ["--simulator", "-u", "admin@supplier.example", "--password-stdin", "catalog", "list"], stdin: "not-the-password\n");

        Assert.Equal(ExitCodes.Authentication, result.ExitCode);
        Assert.Contains("Authentication failed", result.Error);
    }

    [Fact]
    public async Task Authentication_NoCredentials_Three()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);

        CliResult result = await CruxTool.RunAsync(server.Args("catalog", "list"));

        Assert.Equal(ExitCodes.Authentication, result.ExitCode);
        Assert.Contains("No credentials: set CRUX_API_TOKEN", result.Error);
    }

    [Fact]
    public async Task Authentication_PromptWithoutATerminal_ThreeAndAdvice()
    {
        CliResult result = await CruxTool.RunAsync(["--simulator", "-u", "admin@supplier.example", "catalog", "list"]);

        Assert.Equal(ExitCodes.Authentication, result.ExitCode);
        Assert.Contains("--password-stdin", result.Error);
    }

    [Fact]
    public async Task Cancelled_CtrlCBeforeTheFirstRequest_OneThirtyNothingSent()
    {
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(Door.Http);
        using var ctrlC = new CancellationTokenSource();
        ctrlC.Cancel();

        CliResult result = await CruxTool.RunAsync(server.Args("catalog", "list"), server.AdminToken, stop: ctrlC.Token);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("Cancelled", result.Error);
    }

    private static void AssertErrorDocument(CliResult result, string kind, int code)
    {
        using JsonDocument json = JsonDocument.Parse(result.Out);
        JsonElement error = json.RootElement.GetProperty("error");
        Assert.Equal(kind, error.GetProperty("kind").GetString());
        Assert.Equal(code, error.GetProperty("exitCode").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    internal static string RepositoryRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Crux.Connect.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }
}
