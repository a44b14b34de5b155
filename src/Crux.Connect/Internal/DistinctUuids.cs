namespace Crux.Connect.Internal;

/// <summary>
/// Turns the caller's permission uuids into the list that is sent: validated, duplicates removed,
/// the caller's order kept. Ordinary lists are de-duplicated by a linear scan, which allocates
/// nothing beyond the result array and beats a HashSet below a few dozen items.
/// </summary>
internal static class DistinctUuids
{
    private const int LinearScanLimit = 32;

    public static Guid[] Create(IEnumerable<Guid>? uuids, string paramName)
    {
        if (uuids is null)
        {
            throw new ArgumentNullException(paramName);
        }

        Guid[] items = uuids switch
        {
            Guid[] array => (Guid[])array.Clone(),
            ICollection<Guid> collection => CopyCollection(collection),
            _ => new List<Guid>(uuids).ToArray(),
        };

        if (items.Length == 0)
        {
            throw new ArgumentException("At least one permission uuid is required.", paramName);
        }

        int count = items.Length <= LinearScanLimit ? CompactByScan(items, paramName) : CompactBySet(items, paramName);
        if (count == items.Length)
        {
            return items;
        }

        var result = new Guid[count];
        Array.Copy(items, result, count);
        return result;
    }

    private static Guid[] CopyCollection(ICollection<Guid> collection)
    {
        var items = new Guid[collection.Count];
        collection.CopyTo(items, 0);
        return items;
    }

    private static int CompactByScan(Guid[] items, string paramName)
    {
        int count = 0;
        for (int i = 0; i < items.Length; i++)
        {
            Guid candidate = items[i];
            ThrowIfEmpty(candidate, i, paramName);
            if (Array.IndexOf(items, candidate, 0, count) < 0)
            {
                items[count++] = candidate;
            }
        }

        return count;
    }

    private static int CompactBySet(Guid[] items, string paramName)
    {
        var seen = new HashSet<Guid>();
        int count = 0;
        for (int i = 0; i < items.Length; i++)
        {
            Guid candidate = items[i];
            ThrowIfEmpty(candidate, i, paramName);
            if (seen.Add(candidate))
            {
                items[count++] = candidate;
            }
        }

        return count;
    }

    private static void ThrowIfEmpty(Guid candidate, int index, string paramName)
    {
        if (candidate == Guid.Empty)
        {
            throw new ArgumentException($"The permission uuid at index {index} is Guid.Empty.", paramName);
        }
    }
}
