namespace Crux.Connect;

/// <summary>One entry of a user's permissions: a permission of the catalog, and whether the user holds it.</summary>
/// <param name="Assigned">Whether the permission is assigned to the user.</param>
/// <param name="Permission">The permission.</param>
public sealed record PermissionAssignment(bool Assigned, Permission Permission);
