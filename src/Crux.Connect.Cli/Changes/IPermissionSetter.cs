namespace Crux.Connect.Cli.Changes;

/// <summary>
/// Makes a user's permissions exactly a set, or says what that would take. The CLI's commands go through this one seam
/// so that where the set operation comes from (the SDK's, or the CLI's own stand-in) is decided in one place.
/// </summary>
internal interface IPermissionSetter
{
    /// <summary>Reads the user and answers what would change; changes nothing.</summary>
    Task<PermissionChange> PlanAsync(Guid user, IReadOnlyList<Guid> desired, CancellationToken cancellationToken);

    /// <summary>Reads the user again and brings them to the desired set, removing before adding.</summary>
    Task<PermissionChange> SetAsync(Guid user, IReadOnlyList<Guid> desired, CancellationToken cancellationToken);
}
