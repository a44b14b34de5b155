namespace Crux.Connect.Cli;

/// <summary>
/// The exit codes of <c>crux</c>, documented in the README ("Command line", "Exit codes") and in <c>crux --help</c>.
/// They are part of the tool's contract with scripts: never renumber one.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Everything asked was done (or, for a plan, read).</summary>
    public const int Success = 0;

    /// <summary>The operation failed at the server or on the way (not found, 403, 5xx, no answer), or some users of a bulk run failed.</summary>
    public const int Failed = 1;

    /// <summary>The command line or an input file is wrong (unknown option, no environment, missing or malformed file, unknown permission name). Nothing was changed.</summary>
    public const int Usage = 2;

    /// <summary>The token or the user name and password were rejected (401), or no credentials could be had. Nothing was changed.</summary>
    public const int Authentication = 3;

    /// <summary>Ctrl+C: no new work was started, what was in flight finished, the summary and the file of users left were written. 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}
