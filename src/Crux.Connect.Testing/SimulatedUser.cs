namespace Crux.Connect.Testing;

/// <summary>A user held by a <see cref="CruxSimulator"/>. Its permissions live in the simulator's state
/// (see <see cref="CruxSimulator.GetAssignedPermissions(Guid)"/>) because the API changes them.</summary>
public sealed class SimulatedUser
{
    internal SimulatedUser(Guid uuid, string username, string password, string token, SimulatedOrganization organization)
    {
        Uuid = uuid;
        Username = username;
        Password = password;
        Token = token;
        Organization = organization;
    }

    /// <summary>Gets the user's uuid (the path segment of the permission endpoints).</summary>
    public Guid Uuid { get; }

    /// <summary>Gets the user name accepted by <c>POST /organizations/user-login/</c>.</summary>
    public string Username { get; }

    /// <summary>Gets the password accepted by <c>POST /organizations/user-login/</c>.</summary>
    public string Password { get; }

    /// <summary>Gets the API token to send as <c>Authorization: Token &lt;token&gt;</c>; login answers the same token.</summary>
    public string Token { get; }

    /// <summary>Gets the organization the user belongs to.</summary>
    public SimulatedOrganization Organization { get; }

    /// <inheritdoc />
    /// <remarks>Leaves the password and token out, so a test log never carries them.</remarks>
    public override string ToString() => $"{Username} ({Uuid:D})";
}
