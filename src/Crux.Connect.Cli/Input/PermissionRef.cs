namespace Crux.Connect.Cli.Input;

/// <summary>A permission name or uuid as written in a file, with where it was written.</summary>
internal sealed record PermissionRef(string Value, SourcePosition Position);
