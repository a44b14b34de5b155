using Crux.Connect.Cli.Commands.Bulk;

namespace Crux.Connect.Cli.Changes;

/// <summary>One user's end in a bulk plan or apply.</summary>
internal sealed record UserOutcome(DesiredUser User, UserStatus Status, PermissionChange? Change, Exception? Error);
