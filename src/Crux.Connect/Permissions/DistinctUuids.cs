namespace Crux.Connect.Internal;

/// <summary>
/// Turns the caller's permission uuids into the list that is sent: validated, duplicates removed, the caller's order
/// kept, copied (the caller may change their collection later). A short list is scanned, a long one goes through a
/// plain set (benchmarks/README.md, "Why the code does X", says why nothing cleverer).
/// </summary>
internal static class DistinctUuids
{
    /// <summary>Up to this many uuids a scan finds duplicates without a set (permission lists are short).</summary>
    private const int ScanLimit = 16;

    /// <summary>The uuids, validated and without duplicates; <paramref name="whenEmpty"/> is appended to the message for an empty list.</summary>
    public static Guid[] Create(IEnumerable<Guid>? uuids, string paramName, string? whenEmpty = null)
    {
        if (uuids is null)
        {
            throw new ArgumentNullException(paramName);
        }

        Guid[] items = uuids.ToArray();
        HashSet<Guid>? seen = items.Length > ScanLimit ? NewSet(items.Length) : null;
        int kept = 0;
        for (int i = 0; i < items.Length; i++)
        {
            Guid uuid = items[i];
            if (uuid == Guid.Empty)
            {
                throw new ArgumentException($"The permission uuid at index {i} is Guid.Empty.", paramName);
            }

            if (seen is not null ? seen.Add(uuid) : Array.IndexOf(items, uuid, 0, kept) < 0)
            {
                items[kept++] = uuid;
            }
        }

        if (kept == 0)
        {
            throw new ArgumentException("At least one permission uuid is required." + whenEmpty, paramName);
        }

        // The copy is ours: the caller may change their collection later. Trimmed only when there were duplicates.
        if (kept < items.Length)
        {
            Array.Resize(ref items, kept);
        }

        return items;
    }

    /// <summary>A set sized once for the list, where the target framework can, so it never grows while it fills.</summary>
    private static HashSet<Guid> NewSet(int capacity) =>
#if NET
        new(capacity);
#else
        new();
#endif
}
