using Crux.Connect.Internal;

namespace Crux.Connect.Tests.Requests;

/// <summary>
/// A change's body is written straight from the caller's array or list when it holds no duplicate, and the result reads
/// the uuids back from that body: both must say exactly what was sent, whatever path the uuids took.
/// </summary>
public sealed class PermissionUuidListTests
{
    public static TheoryData<int> Counts => new() { 1, 2, 16, 17, 50, 256, 257 };

    [Theory]
    [MemberData(nameof(Counts))]
    public void CreateBody_DistinctArray_ReadsBackTheSameUuidsInOrder(int count)
    {
        Guid[] uuids = Uuids(count);

        var list = new PermissionUuidList(DistinctUuids.CreateBody(uuids, "uuids"));

        Assert.Equal(uuids, list);
        Assert.Equal(count, list.Count);
        Assert.Equal(uuids[count - 1], list[count - 1]);
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void CreateBody_ArrayWithADuplicateAtTheEnd_SendsItOnce(int count)
    {
        Guid[] uuids = Uuids(count);
        Guid[] withDuplicate = [.. uuids, uuids[0]];

        var list = new PermissionUuidList(DistinctUuids.CreateBody(withDuplicate, "uuids"));

        Assert.Equal(uuids, list);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void CreateBody_EmptyUuidInAList_ThrowsWithItsIndex(int count)
    {
        List<Guid> uuids = [.. Uuids(count)];
        uuids[count - 1] = Guid.Empty;

        var exception = Assert.Throws<ArgumentException>(() => DistinctUuids.CreateBody(uuids, "uuids"));

        Assert.Equal("uuids", exception.ParamName);
        Assert.StartsWith($"The permission uuid at index {count - 1} is Guid.Empty.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBody_EmptyArray_ThrowsAsForAnyEmptyList()
    {
        var exception = Assert.Throws<ArgumentException>(() => DistinctUuids.CreateBody(Array.Empty<Guid>(), "uuids"));

        Assert.StartsWith("At least one permission uuid is required.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Indexer_PastTheEnd_Throws()
    {
        var list = new PermissionUuidList(DistinctUuids.CreateBody(Uuids(2), "uuids"));

        Assert.Throws<ArgumentOutOfRangeException>(() => list[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }

    private static Guid[] Uuids(int count) =>
        Enumerable.Range(1, count).Select(i => new Guid(i, (short)(i >> 3), 7, [1, 2, 3, 4, 5, 6, 7, (byte)i])).ToArray();
}
