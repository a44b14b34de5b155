using Crux.Connect.Internal;

namespace Crux.Connect.Tests.Internal;

/// <summary>The result's uuid list, read back from the body that was sent.</summary>
public class PermissionUuidListTests
{
    [Fact]
    public void Indexer_EveryPosition_ReadsTheUuidThatWasWritten()
    {
        Guid[] uuids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToArray();
        byte[] body = PermissionUuidsBody.Create(uuids);

        var list = new PermissionUuidList(body, uuids.Length);

        Assert.Equal(uuids.Length, list.Count);
        for (int i = 0; i < uuids.Length; i++)
        {
            Assert.Equal(uuids[i], list[i]);
        }

        Assert.Equal(uuids, list.ToArray());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Indexer_OutOfRange_Throws(int index)
    {
        var list = new PermissionUuidList(PermissionUuidsBody.Create([Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()]), 3);

        Assert.Throws<ArgumentOutOfRangeException>(() => list[index]);
    }

    [Fact]
    public void RemovePermissionsResult_CallerChangesItsArrayAfterTheCall_ResultIsUnchanged()
    {
        Guid[] uuids = [Guid.NewGuid(), Guid.NewGuid()];
        Guid[] expected = uuids.ToArray();
        byte[] body = PermissionUuidsBody.CreateDistinct(uuids, "p", out int count);
        var result = new RemovePermissionsResult(Guid.NewGuid(), new PermissionUuidList(body, count), System.Net.HttpStatusCode.NoContent);

        uuids[0] = Guid.NewGuid();

        Assert.Equal(expected, result.PermissionUuids);
    }
}
