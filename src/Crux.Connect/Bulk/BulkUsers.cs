namespace Crux.Connect.Bulk;

/// <summary>The users of a bulk operation: validated before anything is sent, duplicates removed, order kept.</summary>
internal static class BulkUsers
{
    public static Guid[] Create(IEnumerable<Guid>? userUuids, string paramName)
    {
        if (userUuids is null)
        {
            throw new ArgumentNullException(paramName);
        }

        var result = new List<Guid>(userUuids is ICollection<Guid> collection ? collection.Count : 0);
        var seen = new HashSet<Guid>();
        int index = 0;
        foreach (Guid user in userUuids)
        {
            if (user == Guid.Empty)
            {
                throw new ArgumentException($"The user uuid at index {index} is Guid.Empty.", paramName);
            }

            if (seen.Add(user))
            {
                result.Add(user);
            }

            index++;
        }

        return result.ToArray();
    }
}
