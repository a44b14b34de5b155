namespace Crux.Connect.Internal;

/// <summary>
/// Turns the caller's permission uuids into the list that is sent: validated, duplicates removed, the caller's order
/// kept, copied (the caller may change their collection later). A short list is scanned, a longer one is looked up in a
/// small hash table of indexes on the stack, and only a very long one goes through a plain set (benchmarks/README.md,
/// "Why the code does X": a set for 50 uuids was 1.6 KB of a 6.4 KB in-memory call, 18 % of a loopback one).
/// </summary>
internal static class DistinctUuids
{
    /// <summary>Up to this many uuids a scan finds duplicates without a set (permission lists are short).</summary>
    private const int ScanLimit = 16;

    /// <summary>Up to this many uuids the lookup table lives on the stack (at most 512 slots, 2 KB).</summary>
    private const int StackTableLimit = 256;

    /// <summary>
    /// The body of a change (<see cref="PermissionUuidsBody"/>) of the uuids, validated and without duplicates: written
    /// straight from the caller's array or list when it holds no duplicate (no copy of the uuids; benchmarks/README.md,
    /// "Why the code does X"), else from <see cref="Create"/>'s copy. The same exceptions as <see cref="Create"/>.
    /// </summary>
    public static byte[] CreateBody(IEnumerable<Guid>? uuids, string paramName)
    {
        ReadOnlySpan<Guid> items = uuids switch
        {
            Guid[] array => array,
#if NET
            List<Guid> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
#endif
            _ => default,
        };

        return items.Length is > 0 and <= StackTableLimit && AreDistinct(items, paramName)
            ? PermissionUuidsBody.Create(items)
            : PermissionUuidsBody.Create(Create(uuids, paramName));
    }

    /// <summary>The uuids, validated and without duplicates; <paramref name="whenEmpty"/> is appended to the message for an empty list.</summary>
    public static Guid[] Create(IEnumerable<Guid>? uuids, string paramName, string? whenEmpty = null)
    {
        if (uuids is null)
        {
            throw new ArgumentNullException(paramName);
        }

        Guid[] items = uuids.ToArray();
        HashSet<Guid>? seen = items.Length > StackTableLimit ? NewSet(items.Length) : null;
        Span<int> slots = items.Length is > ScanLimit and <= StackTableLimit ? stackalloc int[TableSize(items.Length)] : default;
        slots.Clear();
        int kept = 0;
        for (int i = 0; i < items.Length; i++)
        {
            Guid uuid = items[i];
            if (uuid == Guid.Empty)
            {
                throw new ArgumentException($"The permission uuid at index {i} is Guid.Empty.", paramName);
            }

            bool first = seen is not null ? seen.Add(uuid)
                : slots.Length != 0 ? AddToTable(slots, items, kept, uuid)
                : Array.IndexOf(items, uuid, 0, kept) < 0;
            if (first)
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

    /// <summary>
    /// Whether the caller's uuids hold no duplicate, read in place (at most <see cref="StackTableLimit"/>); an empty uuid
    /// throws as in <see cref="Create"/> (the same index: up to the first duplicate, kept and read indexes are the same).
    /// </summary>
    private static bool AreDistinct(ReadOnlySpan<Guid> items, string paramName)
    {
        Span<int> slots = items.Length > ScanLimit ? stackalloc int[TableSize(items.Length)] : default;
        slots.Clear();
        for (int i = 0; i < items.Length; i++)
        {
            Guid uuid = items[i];
            if (uuid == Guid.Empty)
            {
                throw new ArgumentException($"The permission uuid at index {i} is Guid.Empty.", paramName);
            }

            bool first = slots.Length != 0 ? AddToTable(slots, items, i, uuid) : items.Slice(0, i).IndexOf(uuid) < 0;
            if (!first)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A power of two at least twice the count, so probe chains stay short.</summary>
    private static int TableSize(int count)
    {
        int size = 64;
        while (size < 2 * count)
        {
            size <<= 1;
        }

        return size;
    }

    /// <summary>
    /// Open addressing over the indexes of the uuids kept so far (index + 1; 0 is an empty slot): adds
    /// <paramref name="uuid"/> as the <paramref name="kept"/>th and answers true, or answers false if it is already kept.
    /// </summary>
    private static bool AddToTable(Span<int> slots, ReadOnlySpan<Guid> items, int kept, Guid uuid)
    {
        int mask = slots.Length - 1;
        for (int slot = uuid.GetHashCode() & mask; ; slot = (slot + 1) & mask)
        {
            int index = slots[slot] - 1;
            if (index < 0)
            {
                slots[slot] = kept + 1;
                return true;
            }

            if (items[index] == uuid)
            {
                return false;
            }
        }
    }

    /// <summary>A set sized once for the list, where the target framework can, so it never grows while it fills.</summary>
    private static HashSet<Guid> NewSet(int capacity) =>
#if NET
        new(capacity);
#else
        new();
#endif
}
