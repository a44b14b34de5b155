namespace Crux.Connect.Internal;

/// <summary>Turns the caller's permission names into the list to resolve: validated, duplicates removed, order kept.</summary>
internal static class PermissionNameList
{
    /// <summary>The names, validated and without duplicates; <paramref name="whenEmpty"/> is appended to the message for an empty list.</summary>
    public static string[] Create(IEnumerable<string>? names, string paramName, string? whenEmpty = null)
    {
        if (names is null)
        {
            throw new ArgumentNullException(paramName);
        }

        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (string? name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"The permission name at index {index} is null or blank.", paramName);
            }

            if (seen.Add(name!))
            {
                result.Add(name!);
            }

            index++;
        }

        if (result.Count == 0)
        {
            throw new ArgumentException("At least one permission name is required." + whenEmpty, paramName);
        }

        return result.ToArray();
    }
}
