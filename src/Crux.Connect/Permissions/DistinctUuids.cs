namespace Crux.Connect.Internal;

/// <summary>
/// Turns the caller's permission uuids into the list that is sent: validated, duplicates removed, the caller's order
/// kept, copied (the caller may change their collection later). A plain set: the loopback harness measured no
/// difference a caller could notice against a hand-made table (see benchmarks/README.md).
/// </summary>
internal static class DistinctUuids
{
    public static Guid[] Create(IEnumerable<Guid>? uuids, string paramName)
    {
        if (uuids is null)
        {
            throw new ArgumentNullException(paramName);
        }

        var seen = new HashSet<Guid>();
        var distinct = new List<Guid>();
        int index = 0;
        foreach (Guid uuid in uuids)
        {
            if (uuid == Guid.Empty)
            {
                throw new ArgumentException($"The permission uuid at index {index} is Guid.Empty.", paramName);
            }

            if (seen.Add(uuid))
            {
                distinct.Add(uuid);
            }

            index++;
        }

        if (distinct.Count == 0)
        {
            throw new ArgumentException("At least one permission uuid is required.", paramName);
        }

        return distinct.ToArray();
    }
}
