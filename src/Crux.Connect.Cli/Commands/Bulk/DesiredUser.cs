using Crux.Connect.Cli.Input;

namespace Crux.Connect.Cli.Commands.Bulk;

/// <summary>A row of a bulk file and the exact set of permission uuids that user should hold, resolved.</summary>
internal sealed record DesiredUser(UserRow Row, IReadOnlyList<Guid> Desired)
{
    public Guid User => Row.User;

    /// <summary>Gets how a person knows this user (an e-mail or a name from the file), or <see langword="null"/>.</summary>
    public string? Label => Row.Label;
}
