using System.Buffers;
using System.Buffers.Text;

namespace Crux.Connect.Internal;

/// <summary>
/// Writes <c>{"permission_uuids":["…","…"]}</c> into an array of exactly the right size. The shape is
/// fixed and every element is a 36-character uuid, so writing it directly is both exact (the bytes the
/// service documents, lowercase and hyphenated) and cheaper than a serializer round trip. The array is
/// sent with a Content-Length, never chunked: a Django service behind WSGI reads a chunked body as empty.
/// </summary>
internal static class PermissionUuidsBody
{
    private const int UuidLength = 36;
    private static readonly byte[] Prefix = "{\"permission_uuids\":["u8.ToArray();
    private static readonly byte[] Suffix = "]}"u8.ToArray();

    public static byte[] Create(Guid[] uuids)
    {
        // Each uuid is quoted (+2) and all but the first are preceded by a comma.
        int length = Prefix.Length + Suffix.Length + (uuids.Length * (UuidLength + 2)) + (uuids.Length - 1);
        var body = new byte[length];
        Span<byte> span = body;
        Prefix.CopyTo(span);
        int position = Prefix.Length;
        var format = new StandardFormat('D');
        for (int i = 0; i < uuids.Length; i++)
        {
            if (i > 0)
            {
                span[position++] = (byte)',';
            }

            span[position++] = (byte)'"';
            Utf8Formatter.TryFormat(uuids[i], span.Slice(position), out int written, format);
            position += written;
            span[position++] = (byte)'"';
        }

        Suffix.CopyTo(span.Slice(position));
        return body;
    }
}
