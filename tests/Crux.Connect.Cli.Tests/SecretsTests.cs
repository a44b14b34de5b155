using Crux.Connect.Cli.Tests.Support;
using Crux.Connect.Testing;
using Spectre.Console.Testing;

namespace Crux.Connect.Cli.Tests;

/// <summary>
/// A token or a password is never printed, logged or written: every command is run with a known token (from
/// CRUX_API_TOKEN and from standard input) and a known password (piped and typed at the prompt), successful and failing,
/// and standard output, standard error, the prompt's screen and every file written are searched for them in every form
/// they could take.
/// </summary>
public class SecretsTests
{
    private const string Password = "S3cret pa$$/word+&\"x";
    private const string WrongToken = "0123456789abcdef0123456789abcdef01234567";
    private const string WrongPassword = "Wr0ng pa$$/word+&\"y";

    public static TheoryData<string> Credentials => ["env", "stdin", "password-stdin", "prompt"];

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task EveryCommand_KnownSecrets_NeverInOutputErrorsOrFiles(string credentials)
    {
        var simulator = new CruxSimulator();
        SimulatedUser admin = simulator.AddUser(simulator.Supplier, "secrets-admin@supplier.example", Password, "view_org_users", "edit_org_users");
        IReadOnlyList<SimulatedUser> users = simulator.AddUsers(simulator.Supplier, 4, [.. CruxSimulator.MemberPermissions]);
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(simulator, Door.Http);
        using var folder = new TempFolder();
        string member = simulator.SupplierMember.Uuid.ToString();
        string file = folder.Write("team.csv", TeamFile.Csv(users) + $"{simulator.RetailerMember.Uuid},viewer,\n");
        string roles = folder.Write("roles.json", TeamFile.Roles);
        string[][] commands =
        [
            ["catalog", "list"],
            ["user", "show", member],
            ["user", "add", member, "edit_items"],
            ["user", "remove", member, "edit_items"],
            ["user", "set", member, "view_org_users", "view_order"],
            ["user", "set", member, "--role", "viewer", "--roles", roles, "--dry-run"],
            ["user", "show", Guid.NewGuid().ToString()],
            ["user", "add", member, "no_such_permission"],
            ["bulk", "plan", file, "--roles", roles],
            ["bulk", "apply", file, "--roles", roles, "--yes"],
        ];

        var seen = new List<string>();
        foreach (string[] command in commands)
        {
            foreach (string output in new[] { "human", "json" })
            {
                seen.AddRange(await RunAsync(server, admin, credentials, [.. command, "-o", output], right: true));
            }
        }

        seen.AddRange(await RunAsync(server, admin, credentials, ["catalog", "list"], right: false));
        seen.AddRange(await RunAsync(server, admin, credentials, ["bulk", "apply", file, "--roles", roles, "--yes", "-o", "json"], right: false));
        seen.AddRange(folder.Files().Select(f => f.Content));

        Assert.Contains(seen, s => s.Contains("team.failed.csv", StringComparison.Ordinal)); // the failed-users file was written, and searched
        Assert.True(folder.Files().Count() >= 3);
        foreach (string secret in new[] { admin.Token, Password, WrongToken, WrongPassword })
        {
            foreach (string form in Forms(secret))
            {
                Assert.DoesNotContain(seen, s => s.Contains(form, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task Processes_KnownSecrets_NeverInOutputOrErrors()
    {
        var simulator = new CruxSimulator();
        SimulatedUser admin = simulator.AddUser(simulator.Supplier, "secrets-admin@supplier.example", Password, "view_org_users", "edit_org_users");
        await using SimulatorHarness server = await SimulatorHarness.StartAsync(simulator, Door.Http);
        string member = simulator.SupplierMember.Uuid.ToString();

        CliResult[] results =
        [
            await CruxTool.RunProcessAsync(server.Args("user", "set", member, "view_order", "view_org_users"), new Dictionary<string, string?> { ["CRUX_API_TOKEN"] = admin.Token }),
            await CruxTool.RunProcessAsync(server.Args("--token-stdin", "user", "show", member, "-o", "json"), stdin: admin.Token + "\n"),
            await CruxTool.RunProcessAsync(server.Args("-u", admin.Username, "--password-stdin", "catalog", "list"), stdin: Password + "\n"),
            await CruxTool.RunProcessAsync(server.Args("-u", admin.Username, "--password-stdin", "catalog", "list"), stdin: WrongPassword + "\n"),
            await CruxTool.RunProcessAsync(server.Args("catalog", "list", "-o", "json"), new Dictionary<string, string?> { ["CRUX_API_TOKEN"] = WrongToken }),
        ];

        Assert.Equal([0, 0, 0, ExitCodes.Authentication, ExitCodes.Authentication], results.Select(r => r.ExitCode));
        foreach (string secret in new[] { admin.Token, Password, WrongToken, WrongPassword })
        {
            Assert.All(results, r => Assert.DoesNotContain(secret, r.All, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task BaseAddressWithCredentials_RefusedWithoutEchoingThem()
    {
        CliResult result = await CruxTool.RunAsync(["--base-address", $"https://admin:{Uri.EscapeDataString(Password)}@127.0.0.1:1/", "catalog", "list"]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("must not carry a user name or password", result.Error);
        Assert.All(Forms(Password), form => Assert.DoesNotContain(form, result.All, StringComparison.Ordinal));
    }

    private static async Task<IEnumerable<string>> RunAsync(SimulatorHarness server, SimulatedUser admin, string credentials, string[] command, bool right)
    {
        string token = right ? admin.Token : WrongToken;
        string password = right ? Password : WrongPassword;
        TestConsole? prompt = null;
        (string[] Args, Dictionary<string, string?>? Env, string Stdin) run = credentials switch
        {
            "env" => (server.Args(command), new() { ["CRUX_API_TOKEN"] = token }, string.Empty),
            "stdin" => (server.Args(["--token-stdin", .. command]), null, token + "\n"),
            "password-stdin" => (server.Args(["-u", admin.Username, "--password-stdin", .. command]), null, password + "\n"),
            _ => (server.Args(["-u", admin.Username, .. command]), null, string.Empty),
        };
        if (credentials == "prompt")
        {
            prompt = new TestConsole().Interactive();
            prompt.Input.PushTextWithEnter(password);
        }

        CliResult result = await CruxTool.RunAsync(run.Args, run.Env, run.Stdin, prompt);
        if (right)
        {
            Assert.NotEqual(ExitCodes.Authentication, result.ExitCode);
        }
        else
        {
            Assert.Equal(ExitCodes.Authentication, result.ExitCode);
        }

        return [result.Out, result.Error, prompt?.Output ?? string.Empty];
    }

    /// <summary>The secret raw, JSON-escaped, URL-encoded, and its first and last 12 characters (as a cut message would keep them).</summary>
    private static IEnumerable<string> Forms(string secret) =>
    [
        secret,
        System.Text.Json.JsonSerializer.Serialize(secret)[1..^1],
        System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(secret),
        Uri.EscapeDataString(secret),
        System.Net.WebUtility.UrlEncode(secret),
        secret[..12],
        secret[^12..],
    ];
}
