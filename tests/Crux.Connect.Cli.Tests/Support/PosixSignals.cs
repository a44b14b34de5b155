using System.Globalization;
using System.Runtime.InteropServices;

namespace Crux.Connect.Cli.Tests.Support;

/// <summary>Sends signals to a process the test started, with kill(2), and says whether one can be received at all.</summary>
public static class PosixSignals
{
    public const int SigHup = 1;
    public const int SigInt = 2;
    public const int SigTerm = 15;

    /// <summary>Gets whether signals are sent with kill(2) here (Linux, macOS).</summary>
    public static bool Supported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS();

    /// <summary>
    /// Whether this process ignores <paramref name="signal"/> (its children then inherit the ignoring, and .NET keeps it): a shell
    /// without job control starts background commands (<c>dotnet test &amp;</c>) with SIGINT ignored. Such a run cannot test SIGINT.
    /// </summary>
    public static bool IgnoredHere(int signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & (1UL << (signal - 1))) != 0;
    }

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/> (a process the test started).</summary>
    public static void Send(int pid, int signal) => Assert.Equal(0, Kill(pid, signal));

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
