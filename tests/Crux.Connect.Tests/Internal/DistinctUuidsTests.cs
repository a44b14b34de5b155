using System.Text;
using Crux.Connect.Internal;

namespace Crux.Connect.Tests.Internal;

/// <summary>
/// De-duplication at and around the sizes where the algorithm changes (linear scan up to
/// <see cref="DistinctUuids.LinearScanLimit"/>, a stack table above, a pooled table beyond
/// <see cref="DistinctUuids.StackLimit"/>), checked against a HashSet, for every kind of input sequence.
/// </summary>
public class DistinctUuidsTests
{
    public static TheoryData<int> Sizes => new()
    {
        1, 2, DistinctUuids.LinearScanLimit - 1, DistinctUuids.LinearScanLimit, DistinctUuids.LinearScanLimit + 1,
        50, 64, 127, 128, 129, (DistinctUuids.StackLimit / 2) - 1, DistinctUuids.StackLimit / 2, (DistinctUuids.StackLimit / 2) + 1,
        DistinctUuids.StackLimit, DistinctUuids.StackLimit + 1, 5000,
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Create_AnySize_KeepsFirstOccurrencesInOrder(int size)
    {
        Guid[] input = WithDuplicates(size);

        Assert.Equal(Expected(input), DistinctUuids.Create(input, "p"));
        Assert.Equal(Expected(input), DistinctUuids.Create(input.ToList(), "p"));
        Assert.Equal(Expected(input), DistinctUuids.Create(input.Select(g => g), "p"));
        Assert.Equal(Expected(input), DistinctUuids.Create(new HashSetFreeCollection(input), "p"));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void CreateDistinct_AnySize_WritesTheDistinctUuidsInOrder(int size)
    {
        Guid[] input = WithDuplicates(size);
        List<Guid> expected = Expected(input);

        byte[] body = PermissionUuidsBody.CreateDistinct(input, "p", out int count);

        Assert.Equal(expected.Count, count);
        Assert.Equal("{\"permission_uuids\":[" + string.Join(",", expected.Select(g => $"\"{g:D}\"")) + "]}", Encoding.UTF8.GetString(body));
        Assert.Equal(expected, new PermissionUuidList(body, count));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Create_EmptyGuidAtTheEnd_IsRejectedWithItsIndex(int size)
    {
        Guid[] input = WithDuplicates(size);
        input[^1] = Guid.Empty;

        var exception = Assert.Throws<ArgumentException>(() => DistinctUuids.Create(input, "permissionUuids"));
        Assert.Equal("permissionUuids", exception.ParamName);
        Assert.Contains($"index {size - 1}", exception.Message);
        Assert.Throws<ArgumentException>(() => PermissionUuidsBody.CreateDistinct(input, "permissionUuids", out _));
    }

    [Fact]
    public void Create_AllTheSame_KeepsOne()
    {
        var uuid = Guid.NewGuid();
        Guid[] input = Enumerable.Repeat(uuid, 300).ToArray();

        Assert.Equal([uuid], DistinctUuids.Create(input, "p"));
        PermissionUuidsBody.CreateDistinct(input, "p", out int count);
        Assert.Equal(1, count);
    }

    [Fact]
    public void Create_UuidsThatCollideInTheTable_AreAllKept()
    {
        // Same hash code (the halves cancel out in Guid.GetHashCode), different values: linear probing must
        // compare the uuids, not the hashes.
        Guid[] input = Enumerable.Range(1, 100).Select(i => new Guid(i, 0, 0, 0, 0, 0, 0, (byte)i, 0, 0, 0)).ToArray();
        Assert.Single(input.Select(g => g.GetHashCode()).Distinct());
        Guid[] same = [.. input, .. input];
        Assert.Equal(input, DistinctUuids.Create(input, "p"));
        Assert.Equal(input, DistinctUuids.Create(same, "p"));
    }

    [Fact]
    public void Create_CallerChangesTheArrayAfterwards_ResultIsUnchanged()
    {
        Guid[] input = WithDuplicates(40);
        List<Guid> expected = Expected(input);

        Guid[] result = DistinctUuids.Create(input, "p");
        Array.Fill(input, Guid.NewGuid());

        Assert.Equal(expected, result);
    }

    private static Guid[] WithDuplicates(int size)
    {
        var random = new Random(size);
        var distinct = Enumerable.Range(0, Math.Max(1, size * 2 / 3)).Select(_ => Guid.NewGuid()).ToArray();
        return Enumerable.Range(0, size).Select(i => i < distinct.Length ? distinct[i] : distinct[random.Next(distinct.Length)]).ToArray();
    }

    private static List<Guid> Expected(Guid[] input)
    {
        var seen = new HashSet<Guid>();
        return input.Where(seen.Add).ToList();
    }

    /// <summary>An ICollection that is neither an array nor a List.</summary>
    private sealed class HashSetFreeCollection(Guid[] items) : System.Collections.ObjectModel.Collection<Guid>(items.ToList());
}
