namespace Crux.Connect;

/// <summary>
/// What applying one user's row of a <see cref="PermissionChangePlan"/> did: the plan, the result, and whether the user's
/// permissions had changed since the plan was made (<see cref="Drifted"/>). A drifted user is still brought to the desired set.
/// </summary>
public sealed class AppliedPermissionChange
{
    /// <summary>Initializes a new instance of the <see cref="AppliedPermissionChange"/> class (for tests and mocks).</summary>
    /// <param name="planned">The user's row of the plan.</param>
    /// <param name="result">What was done.</param>
    /// <param name="drifted">Whether what was done differs from what was planned.</param>
    /// <exception cref="ArgumentNullException"><paramref name="planned"/> or <paramref name="result"/> is <see langword="null"/>.</exception>
    public AppliedPermissionChange(UserPermissionPlan planned, SetPermissionsResult result, bool drifted)
    {
        Planned = planned ?? throw new ArgumentNullException(nameof(planned));
        Result = result ?? throw new ArgumentNullException(nameof(result));
        Drifted = drifted;
    }

    /// <summary>Gets the user.</summary>
    public Guid UserUuid => Result.UserUuid;

    /// <summary>Gets the user's row of the plan.</summary>
    public UserPermissionPlan Planned { get; }

    /// <summary>Gets what was done, read from the user's permissions as they were when the plan was applied.</summary>
    public SetPermissionsResult Result { get; }

    /// <summary>
    /// Gets a value indicating whether the user's permissions changed between the plan and its application, so that what was
    /// removed or added differs from the plan's <see cref="UserPermissionPlan.ToRemove"/> and <see cref="UserPermissionPlan.ToAdd"/>.
    /// </summary>
    public bool Drifted { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{UserUuid:D}: removed {PermissionChangePlan.Names(Result.Removed)}; added {PermissionChangePlan.Names(Result.Added)}{(Drifted ? " (drifted since the plan)" : string.Empty)}";
}
