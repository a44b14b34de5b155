using Crux.Connect.Diagnostics;

namespace Crux.Connect.Internal;

/// <summary>
/// The documented names Crux Connect offers to one organization type only (<see cref="CruxPermissionNames"/>). A catalog
/// lacks them when the organization is of the other type, and the caller is told that, not "unknown".
/// </summary>
internal static class OrganizationTypeNames
{
    private static readonly HashSet<string> RetailerOnly = new(StringComparer.Ordinal)
    {
        CruxPermissionNames.CreateOrder, CruxPermissionNames.ViewInventoryLists, CruxPermissionNames.EditInventoryLists,
    };

    private static readonly HashSet<string> SupplierOnly = new(StringComparer.Ordinal)
    {
        CruxPermissionNames.EditItems, CruxPermissionNames.AddOrderTracking, CruxPermissionNames.AllocateOrder,
        CruxPermissionNames.ViewSupplierCatalogs, CruxPermissionNames.EditSupplierCatalogs,
    };

    /// <summary>The unknown names that are documented for one organization type only, in the caller's order.</summary>
    public static string[] OfOtherType(IEnumerable<string> unknownNames) =>
        unknownNames.Where(static n => RetailerOnly.Contains(n) || SupplierOnly.Contains(n)).ToArray();

    /// <summary>
    /// The message when some unknown names belong to the other organization type: says which type each is for and, when the
    /// catalog shows it (it holds a name of one type only), which type this organization is.
    /// </summary>
    public static string Describe(IReadOnlyList<string> unknownNames, IReadOnlyList<string> otherTypeNames, IReadOnlyList<string> validNames)
    {
        string organization =
            validNames.Any(SupplierOnly.Contains) ? "a supplier organization"
            : validNames.Any(RetailerOnly.Contains) ? "a retailer organization"
            : "this organization";
        IEnumerable<string> sentences = otherTypeNames.Select(n =>
            $"'{ServerText.Shorten(n, 100)}' is for {(RetailerOnly.Contains(n) ? "retailer" : "supplier")} organizations only and is not available to {organization}.");
        string[] unknown = unknownNames.Where(n => !otherTypeNames.Contains(n)).ToArray();
        string rest = unknown.Length == 0
            ? string.Empty
            : $" Unknown permission name{(unknown.Length == 1 ? string.Empty : "s")}: {string.Join(", ", unknown.Select(static n => "'" + ServerText.Shorten(n, 100) + "'"))}.";
        return $"{string.Join(" ", sentences)}{rest} Nothing was sent. The names this environment knows are: " +
            $"{string.Join(", ", validNames.Select(static n => ServerText.Shorten(n, 100)))}.";
    }
}
