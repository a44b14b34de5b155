using Crux.Connect.Testing;

namespace Crux.Connect.Cli.Tests.Support;

/// <summary>
/// A simulator over loopback HTTP with <c>count</c> members of the supplier, and a team file for them (<see cref="TeamFile"/>:
/// even ones become viewers, odd ones get a list) with its roles file, in a folder of their own.
/// </summary>
public sealed class Team : IAsyncDisposable
{
    private Team(SimulatorHarness server, IReadOnlyList<SimulatedUser> users, TempFolder folder)
    {
        Server = server;
        Users = users;
        Folder = folder;
        File = folder.Write("team.csv", TeamFile.Csv(users));
        Roles = folder.Write("roles.json", TeamFile.Roles);
    }

    public SimulatorHarness Server { get; }

    public CruxSimulator Simulator => Server.Simulator;

    public IReadOnlyList<SimulatedUser> Users { get; }

    public TempFolder Folder { get; }

    public string File { get; }

    public string Roles { get; }

    public static async Task<Team> StartAsync(int count)
    {
        var simulator = new CruxSimulator();
        IReadOnlyList<SimulatedUser> users = simulator.AddUsers(simulator.Supplier, count, [.. CruxSimulator.MemberPermissions]);
        return new Team(await SimulatorHarness.StartAsync(simulator, Door.Http), users, new TempFolder());
    }

    /// <summary><c>--base-address ... bulk VERB team.csv --roles roles.json</c> and <paramref name="more"/>.</summary>
    public string[] Args(string verb, params string[] more) => Server.Args(["bulk", verb, File, "--roles", Roles, .. more]);

    /// <summary>Asserts each user holds their desired set, or (if listed in <paramref name="left"/>) what they started with.</summary>
    public void AssertDoneOrUntouched(IReadOnlySet<Guid> left)
    {
        for (int i = 0; i < Users.Count; i++)
        {
            string[] expected = left.Contains(Users[i].Uuid) ? [.. CruxSimulator.MemberPermissions] : TeamFile.Desired(i);
            Assert.Equal(expected.Order(), Simulator.GetAssignedPermissionNames(Users[i].Uuid).Order());
        }
    }

    /// <summary>The users listed in a failed-users file.</summary>
    public static HashSet<Guid> UsersIn(string failedUsersFile) =>
        System.IO.File.ReadAllLines(failedUsersFile).Skip(1).Select(l => Guid.Parse(l[..36])).ToHashSet();

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Folder.Dispose();
    }
}
