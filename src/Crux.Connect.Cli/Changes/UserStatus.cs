namespace Crux.Connect.Cli.Changes;

/// <summary>How one user of a bulk run ended; written as camelCase in JSON ("changed", "notStarted", ...).</summary>
internal enum UserStatus
{
    /// <summary>Permissions were removed or added (apply), or would be (plan).</summary>
    Changed,

    /// <summary>The user already held exactly the desired set.</summary>
    Unchanged,

    /// <summary>The user's change or read failed; the error says why.</summary>
    Failed,

    /// <summary>Ctrl+C came before this user was started; nothing was sent for them.</summary>
    NotStarted,
}
