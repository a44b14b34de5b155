using System.Collections;

namespace Crux.Connect.Internal;

/// <summary>
/// The uuids a permission change sent, read back from its body: the body is the call's own array and is never changed
/// after it is written, so the result needs no copy of its own (16 B per uuid; benchmarks/README.md, "Why the code does X").
/// Each uuid is parsed when it is read.
/// </summary>
internal sealed class PermissionUuidList : IReadOnlyList<Guid>
{
    private readonly byte[] _body;

    public PermissionUuidList(byte[] body)
    {
        _body = body;
    }

    /// <summary>Gets the count from the body's length: one field fewer per result.</summary>
    public int Count => PermissionUuidsBody.CountOf(_body);

    public Guid this[int index] =>
        (uint)index < (uint)Count ? PermissionUuidsBody.Read(_body, index) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<Guid> GetEnumerator()
    {
        int count = Count;
        for (int i = 0; i < count; i++)
        {
            yield return PermissionUuidsBody.Read(_body, i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
