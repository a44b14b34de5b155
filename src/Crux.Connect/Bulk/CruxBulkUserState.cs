namespace Crux.Connect;

/// <summary>What happened to one user of a bulk run: every user is in exactly one state.</summary>
public enum CruxBulkUserState
{
    /// <summary>The change succeeded; the outcome holds its result.</summary>
    Succeeded,

    /// <summary>The change failed; the outcome holds the exception that ended it, after the retries it deserved.</summary>
    Failed,

    /// <summary>The change was never started: the run was stopped or cancelled first. Nothing was sent for the user.</summary>
    NotStarted,

    /// <summary>The change was in flight when the cancellation token abandoned it: it may or may not have reached the server
    /// (a set may have removed without adding). Running it again is safe.</summary>
    Abandoned,
}
