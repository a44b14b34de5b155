using Crux.Connect.Cli.Tests.Support;
using Crux.Connect.Testing;

namespace Crux.Connect.Cli.Tests.Administrators;

/// <summary>
/// Issue 21, "The tool on the engine": a second signal, of any kind, abandons the users in flight; every user ends done or in
/// the users-left file. The runs of <see cref="SignalProcessTests"/>, in a class of their own (an xunit collection) so that
/// these processes, which mostly wait on the simulator's latency, overlap with the other classes instead of adding to them.
/// </summary>
public class SecondSignalProcessTests
{
    private const int SigHup = SignalProcessTests.SigHup;
    private const int SigInt = SignalProcessTests.SigInt;
    private const int SigTerm = SignalProcessTests.SigTerm;
    private const int Count = SignalProcessTests.Count;

    [Theory]
    [InlineData(SigTerm, SigTerm)]
    [InlineData(SigTerm, SigHup)]
    [InlineData(SigHup, SigInt)]
    [InlineData(SigInt, SigTerm)]
    public async Task Process_SecondSignal_AbandonsInFlightEveryUserDoneOrLeft(int first, int second)
    {
        if (!PosixSignals.Supported || PosixSignals.IgnoredHere(first) || PosixSignals.IgnoredHere(second))
        {
            return;
        }

        await using Team team = await Team.StartAsync(Count);
        CliResult result = await SignalProcessTests.RunAndSignalAsync(team, SignalProcessTests.Point.MidRun, first, second);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains($"{Count} users:", result.Out);
        HashSet<Guid> left = SignalProcessTests.UsersLeft(team, result);
        Assert.NotEmpty(left);
        for (int i = 0; i < Count; i++)
        {
            string[] held = [.. team.Simulator.GetAssignedPermissionNames(team.Users[i].Uuid).Order()];
            bool done = held.SequenceEqual(TeamFile.Desired(i).Order());
            bool untouched = held.SequenceEqual(CruxSimulator.MemberPermissions.Order());

            // Abandoned in flight, a user may be half-changed; then it is in the file, so running the file again completes it.
            Assert.True(done || left.Contains(team.Users[i].Uuid), $"user {i} is neither done nor in the users-left file");
            Assert.True(done || untouched || left.Contains(team.Users[i].Uuid), $"user {i} is half-changed and not in the users-left file");
        }
    }
}
