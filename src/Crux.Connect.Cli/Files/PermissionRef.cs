namespace Crux.Connect.Cli.Files;

/// <summary>A permission name or uuid as written in a file, with where it was written.</summary>
internal sealed record PermissionRef(string Value, SourcePosition Position);
