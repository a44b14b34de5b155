using System.Buffers;

namespace Crux.Connect.Internal;

/// <summary>
/// Turns the caller's permission uuids into the list that is sent: validated, duplicates removed,
/// the caller's order kept. Short lists are de-duplicated by a linear scan; longer ones through an
/// open-addressing table of indices on the stack (rented from the pool only for very long lists),
/// so no size allocates a HashSet or anything else beyond what is sent.
/// </summary>
internal static class DistinctUuids
{
    /// <summary>Up to this many items a linear scan is cheaper than hashing (at most 120 comparisons of 16 bytes).</summary>
    internal const int LinearScanLimit = 16;

    /// <summary>Index buffers up to this many ints live on the stack (4 KB); longer lists rent theirs.</summary>
    internal const int StackLimit = 1024;

    /// <summary>A fresh array of the distinct uuids (never the caller's array, which the caller may change later).</summary>
    public static Guid[] Create(IEnumerable<Guid>? uuids, string paramName)
    {
        ReadOnlySpan<Guid> items = AsSpan(uuids, paramName, out _);
        if (items.Length <= StackLimit)
        {
            return Copy(items, stackalloc int[items.Length], paramName);
        }

        int[] rented = ArrayPool<int>.Shared.Rent(items.Length);
        try
        {
            return Copy(items, rented, paramName);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The caller's uuids as a span, without copying an array (or, on .NET, a <see cref="List{T}"/>); other
    /// sequences are copied once. Throws for null and for an empty sequence.
    /// </summary>
    public static ReadOnlySpan<Guid> AsSpan(IEnumerable<Guid>? uuids, string paramName, out Guid[]? copy)
    {
        copy = null;
        ReadOnlySpan<Guid> items;
        switch (uuids)
        {
            case null:
                throw new ArgumentNullException(paramName);
            case Guid[] array:
                items = array;
                break;
#if NET
            case List<Guid> list:
                items = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
                break;
#endif
            case ICollection<Guid> collection:
                copy = new Guid[collection.Count];
                collection.CopyTo(copy, 0);
                items = copy;
                break;
            default:
                copy = new List<Guid>(uuids).ToArray();
                items = copy;
                break;
        }

        if (items.Length == 0)
        {
            throw new ArgumentException("At least one permission uuid is required.", paramName);
        }

        return items;
    }

    /// <summary>
    /// Validates <paramref name="items"/> (no <see cref="Guid.Empty"/>) and writes into <paramref name="kept"/> the index of
    /// the first occurrence of each distinct uuid, in order. Answers how many were kept.
    /// </summary>
    public static int Select(ReadOnlySpan<Guid> items, Span<int> kept, string paramName) =>
        items.Length <= LinearScanLimit ? SelectByScan(items, kept, paramName) : SelectByTable(items, kept, paramName);

    private static Guid[] Copy(ReadOnlySpan<Guid> items, Span<int> kept, string paramName)
    {
        int count = Select(items, kept, paramName);
        var result = new Guid[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = items[kept[i]];
        }

        return result;
    }

    private static int SelectByScan(ReadOnlySpan<Guid> items, Span<int> kept, string paramName)
    {
        int count = 0;
        for (int i = 0; i < items.Length; i++)
        {
            Guid candidate = items[i];
            ThrowIfEmpty(candidate, i, paramName);
            bool seen = false;
            for (int k = 0; k < count; k++)
            {
                if (items[kept[k]] == candidate)
                {
                    seen = true;
                    break;
                }
            }

            if (!seen)
            {
                kept[count++] = i;
            }
        }

        return count;
    }

    private static int SelectByTable(ReadOnlySpan<Guid> items, Span<int> kept, string paramName)
    {
        // A power of two at least twice the item count keeps linear probing short. Slots hold index + 1; 0 is free.
        int bits = 1;
        while ((1 << bits) < items.Length * 2)
        {
            bits++;
        }

        int size = 1 << bits;
        if (size <= StackLimit)
        {
            // No try/finally around the probing loop: it would keep the loop's locals out of registers.
            return Probe(items, kept, stackalloc int[size], bits, paramName);
        }

        int[] rented = ArrayPool<int>.Shared.Rent(size);
        try
        {
            Span<int> table = rented.AsSpan(0, size);
            table.Clear();
            return Probe(items, kept, table, bits, paramName);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static int Probe(ReadOnlySpan<Guid> items, Span<int> kept, Span<int> table, int bits, string paramName)
    {
        int mask = table.Length - 1;
        int count = 0;
        for (int i = 0; i < items.Length; i++)
        {
            Guid candidate = items[i];
            if (candidate == Guid.Empty)
            {
                ThrowEmpty(i, paramName);
            }

            // Fibonacci hashing spreads even uuids that differ in few bits over the whole table.
            int slot = (int)(((uint)candidate.GetHashCode() * 2654435769u) >> (32 - bits));
            while (true)
            {
                int entry = table[slot];
                if (entry == 0)
                {
                    table[slot] = i + 1;
                    kept[count++] = i;
                    break;
                }

                if (items[entry - 1] == candidate)
                {
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }

        return count;
    }

    private static void ThrowIfEmpty(Guid candidate, int index, string paramName)
    {
        if (candidate == Guid.Empty)
        {
            ThrowEmpty(index, paramName);
        }
    }

    private static void ThrowEmpty(int index, string paramName) =>
        throw new ArgumentException($"The permission uuid at index {index} is Guid.Empty.", paramName);
}
