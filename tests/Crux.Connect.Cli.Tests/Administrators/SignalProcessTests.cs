using System.Diagnostics;
using Crux.Connect.Cli.Tests.Support;
using Crux.Connect.Testing;

namespace Crux.Connect.Cli.Tests.Administrators;

/// <summary>
/// Issue 21, "The tool on the engine": <c>crux bulk apply</c> as a process, stopped by SIGTERM (timeout, systemd, Kubernetes, CI),
/// SIGHUP (a closed terminal) or SIGINT (Ctrl+C) at several points of the run, found by watching the server's request log. The
/// first signal starts no new user and lets the ones in flight finish; every user ends done (the server holds the desired set) or
/// in the users-left file, none half-changed. A second signal, of any kind, abandons the users in flight
/// (<see cref="SecondSignalProcessTests"/>).
/// </summary>
public class SignalProcessTests
{
    internal const int SigHup = PosixSignals.SigHup;
    internal const int SigInt = PosixSignals.SigInt;
    internal const int SigTerm = PosixSignals.SigTerm;
    internal const int Count = 30;

    /// <summary>Where in the run the signal is sent, by what the server has seen.</summary>
    public enum Point
    {
        /// <summary>While the plan reads the users: no user has been changed.</summary>
        Planning,

        /// <summary>As the first user's change reaches the server.</summary>
        FirstUser,

        /// <summary>Half the users changed or being changed.</summary>
        MidRun,

        /// <summary>All but three users changed or being changed.</summary>
        NearEnd,
    }

    [Theory]
    [InlineData(SigTerm, Point.Planning)]
    [InlineData(SigTerm, Point.FirstUser)]
    [InlineData(SigTerm, Point.MidRun)]
    [InlineData(SigTerm, Point.NearEnd)]
    [InlineData(SigHup, Point.FirstUser)]
    [InlineData(SigHup, Point.MidRun)]
    [InlineData(SigHup, Point.NearEnd)]
    [InlineData(SigInt, Point.Planning)]
    [InlineData(SigInt, Point.MidRun)]
    public async Task Process_OneSignal_InFlightFinishEveryUserDoneOrLeftNoneHalfChanged(int signal, Point point)
    {
        if (!PosixSignals.Supported || PosixSignals.IgnoredHere(signal))
        {
            return; // signals are sent with kill(2); an ignored one never reaches the tool (a background run's SIGINT)
        }

        await using Team team = await Team.StartAsync(Count);
        CliResult result = await RunAndSignalAsync(team, point, signal);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("no new user is started; the ones in flight finish", result.Error);
        Assert.Contains($"{Count} users:", result.Out); // the summary
        HashSet<Guid> left = UsersLeft(team, result);
        team.AssertDoneOrUntouched(left);
        if (point == Point.Planning)
        {
            Assert.Equal(Count, left.Count); // nothing was changed, and every user is in the file to run again
        }
    }

    internal static HashSet<Guid> UsersLeft(Team team, CliResult result)
    {
        string failed = team.Folder.File("team.failed.csv");
        Assert.True(File.Exists(failed) || !result.Error.Contains("Users left", StringComparison.Ordinal), "users left announced but no file");
        return File.Exists(failed) ? Team.UsersIn(failed) : [];
    }

    /// <summary>Runs <c>crux bulk apply</c> with every answer slowed (50 ms, two users at a time, so the run lasts seconds), watches
    /// the server's request log, and sends <paramref name="signals"/> to the process once <paramref name="point"/> is reached.</summary>
    internal static async Task<CliResult> RunAndSignalAsync(Team team, Point point, params int[] signals)
    {
        team.Simulator.Faults.Latency = TimeSpan.FromMilliseconds(50);
        Task? watcher = null;
        using var exited = new CancellationTokenSource();
        CliResult result = await CruxTool.RunProcessAsync(
            team.Args("apply", "--yes", "--concurrency", "2"),
            team.Server.AdminToken,
            onStarted: process => watcher = Task.Run(() => WatchAsync(team.Simulator, process, point, signals, exited.Token)));
        await exited.CancelAsync();
        await watcher!;
        return result;
    }

    private static async Task WatchAsync(CruxSimulator simulator, Process process, Point point, int[] signals, CancellationToken exited)
    {
        while (!exited.IsCancellationRequested && !process.HasExited)
        {
            IReadOnlyList<RecordedRequest> log = simulator.Requests.Snapshot();
            int reads = log.Count(r => r.Method == "GET" && !r.Path.EndsWith("all_permissions/", StringComparison.Ordinal));
            int changing = log.Where(r => r.Method is "DELETE" or "PATCH").Select(r => r.Path).Distinct().Count();
            bool reached = point switch
            {
                Point.Planning => reads >= 2 && changing == 0,
                Point.FirstUser => changing >= 1,
                Point.MidRun => changing >= Count / 2,
                _ => changing >= Count - 3,
            };
            if (reached)
            {
                foreach (int signal in signals)
                {
                    PosixSignals.Send(process.Id, signal);
                    await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None); // the first signal handled before the second
                }

                return;
            }

            // Polls the server's log: the signal goes at a point the server has seen, not after a guessed time.
            await Task.Delay(TimeSpan.FromMilliseconds(2), CancellationToken.None);
        }

        Assert.Fail($"The run ended before {point}.");
    }
}
