using System.Diagnostics.CodeAnalysis;

namespace Crux.Connect;

/// <summary>A permission of the Crux Connect catalog. Its <see cref="Uuid"/> differs between environments; its <see cref="Name"/> does not.</summary>
/// <param name="Uuid">The permission's identifier in this environment.</param>
/// <param name="Name">The stable name, such as <c>edit_org_users</c>.</param>
/// <param name="DisplayName">A human-readable name, such as <c>Edit Users</c>, if the server sent one.</param>
/// <param name="Description">What the permission allows, if the server sent it.</param>
/// <param name="Visibility">Which organizations may hold it: <c>SUPPLIER</c>, <c>RETAILER</c> or <c>BOTH</c>, if the server sent it.</param>
/// <param name="Grouping">A free-form group such as <c>ORGUSERS</c>, if the server sent it.</param>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Permission is the API's own noun and a name fixed by the public contract (DESIGN.md); it is not a System.Security permission type.")]
public sealed record Permission(
    Guid Uuid, string Name, string? DisplayName, string? Description, string? Visibility, string? Grouping);
