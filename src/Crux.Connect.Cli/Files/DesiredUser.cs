namespace Crux.Connect.Cli.Files;

/// <summary>A row of a bulk file and the exact set of permission uuids that user should hold, resolved.</summary>
internal sealed record DesiredUser(UserRow Row, IReadOnlyList<Guid> Desired)
{
    public Guid User => Row.User;
}
