using System.Buffers.Text;
using System.Collections;

namespace Crux.Connect.Internal;

/// <summary>
/// The uuids a permission change sent, read back from the request body itself. The body already holds every
/// uuid, in order, and belongs to the SDK alone (nothing writes to it after it is built), so the result needs
/// no second array and never aliases an array of the caller's. Reading an item parses its 36 characters.
/// </summary>
internal sealed class PermissionUuidList : IReadOnlyList<Guid>
{
    private readonly byte[] _body;

    public PermissionUuidList(byte[] body, int count)
    {
        _body = body;
        Count = count;
    }

    public int Count { get; }

    public Guid this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            Utf8Parser.TryParse(_body.AsSpan(PermissionUuidsBody.UuidOffset(index), PermissionUuidsBody.UuidLength), out Guid uuid, out _, 'D');
            return uuid;
        }
    }

    public IEnumerator<Guid> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
