using System.Net;
using Crux.Connect.Internal;
using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests.Permissions;

/// <summary>De-duplication of the caller's uuids, for small and large lists and every kind of input sequence, and what a call sends and returns from them.</summary>
public class DistinctUuidsTests
{
    public static TheoryData<int> Sizes => new()
    {
        1, 2, 16, 17, 50, 129, 256, 257, 1024, 5000,
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
    public async Task RemovePermissionsAsync_AnySize_SendsAndReturnsTheDistinctUuidsInOrder(int size)
    {
        Guid[] input = WithDuplicates(size);
        List<Guid> expected = Expected(input);
        var handler = new ScriptedHandler().Then(HttpStatusCode.NoContent);

        RemovePermissionsResult result = await Fixtures.Client(handler).OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, input);

        RecordedRequest request = Assert.Single(handler.Requests);
        Assert.Equal("{\"permission_uuids\":[" + string.Join(",", expected.Select(g => $"\"{g:D}\"")) + "]}", request.BodyText);
        Assert.Equal(request.Body!.Length, request.ContentLength);
        Assert.Equal(expected, result.PermissionUuids);
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
    }

    [Fact]
    public void Create_AllTheSame_KeepsOne()
    {
        var uuid = Guid.NewGuid();
        Guid[] input = Enumerable.Repeat(uuid, 300).ToArray();

        Assert.Equal([uuid], DistinctUuids.Create(input, "p"));
    }

    [Fact]
    public void Create_UuidsThatCollideInTheTable_AreAllKept()
    {
        // Same hash code (the halves cancel out in Guid.GetHashCode), different values: all are kept.
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
