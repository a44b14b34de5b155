using System.Buffers;
using System.Text;

namespace Crux.Connect.Diagnostics;

/// <summary>
/// Runs of hex bytes (<c>7B-22-70</c>, <c>7b2270</c>) and of base64 (either alphabet) in server text, decoded once so the
/// redactor can search what they hold. Each run is decoded a bounded number of times (base64 at each of its four
/// character offsets), so the whole search stays linear in the text.
/// </summary>
internal static class EncodedRuns
{
    /// <summary>Shorter runs cannot hold a secret worth the search (and are common in ordinary text).</summary>
    private const int MinRun = 12;

    public static void Find(string text, Func<string, bool> holdsSecret, List<SecretRedactor.Span> spans)
    {
        FindHex(text, holdsSecret, spans);
        int position = 0;
        while (position < text.Length)
        {
            if (!IsBase64(text[position]))
            {
                position++;
                continue;
            }

            int start = position;
            while (position < text.Length && (IsBase64(text[position]) || (text[position] is ' ' or ':' && IsHexPairAfter(text, position))))
            {
                position++;
            }

            if (position - start >= MinRun && AnyDecodingHolds(text, start, position, holdsSecret))
            {
                spans.Add(new SecretRedactor.Span(start, position));
            }
        }
    }

    /// <summary>Hex dumps: runs of hex pairs, each after an optional separator, decoded from both parities of their start.</summary>
    private static void FindHex(string text, Func<string, bool> holdsSecret, List<SecretRedactor.Span> spans)
    {
        int position = 0;
        while (position < text.Length)
        {
            if (!Uri.IsHexDigit(text[position]))
            {
                position++;
                continue;
            }

            int start = position;
            while (position < text.Length && (Uri.IsHexDigit(text[position]) || (text[position] is '-' or ':' or ' ' && IsHexPairAfter(text, position))))
            {
                position++;
            }

            if (position - start >= MinRun && (Holds(start) || Holds(start + 1)))
            {
                spans.Add(new SecretRedactor.Span(start, position));
            }
        }

        bool Holds(int from) => Hex(text, from, position) is { } hex && EncodedRuns.Holds(hex, holdsSecret);
    }

    private static bool IsHexPairAfter(string text, int position) =>
        position + 2 < text.Length && Uri.IsHexDigit(text[position + 1]) && Uri.IsHexDigit(text[position + 2]);

    private static bool AnyDecodingHolds(string text, int start, int end, Func<string, bool> holdsSecret)
    {
        // The run in the standard alphabet, without separators and padding, in a pooled buffer: nothing of its size is allocated.
        char[] base64 = ArrayPool<char>.Shared.Rent(end - start);
        try
        {
            int length = 0;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c is not (' ' or ':' or '='))
                {
                    base64[length++] = c switch { '-' => '+', '_' => '/', _ => c };
                }
            }

            for (int offset = 0; offset < 4 && length - offset >= 8; offset++)
            {
                if (Holds(Convert.FromBase64CharArray(base64, offset, (length - offset) / 4 * 4), holdsSecret))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(base64);
        }
    }

    /// <summary>Whether decoded bytes hold a secret; only text is searched (base64 of ordinary words decodes to noise).</summary>
    private static bool Holds(byte[] bytes, Func<string, bool> holdsSecret)
    {
        int printable = 0;
        foreach (byte b in bytes)
        {
            if (b is >= 0x20 and < 0x7F or >= 0x80 or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                printable++;
            }
        }

        if (printable < bytes.Length * 9 / 10)
        {
            return false;
        }

        string utf8 = Encoding.UTF8.GetString(bytes);
        return holdsSecret(utf8) || (HasReplacement(utf8) && holdsSecret(Latin1(bytes)));
    }

    /// <summary>The bytes of a hex dump, its pairs alone or separated by one <c>-</c>, <c>:</c> or space; null if it is not one.</summary>
    private static byte[]? Hex(string run, int i, int end)
    {
        var bytes = new List<byte>((end - i) / 2);
        while (i < end)
        {
            if (bytes.Count > 0 && run[i] is '-' or ':' or ' ')
            {
                i++;
            }

            if (i + 1 >= end || !Uri.IsHexDigit(run[i]) || !Uri.IsHexDigit(run[i + 1]))
            {
                // A run may end in base64 letters after the dump: decode what was a dump.
                break;
            }

            bytes.Add((byte)((Uri.FromHex(run[i]) * 16) + Uri.FromHex(run[i + 1])));
            i += 2;
        }

        return bytes.Count >= MinRun / 2 ? bytes.ToArray() : null;
    }

    private static bool HasReplacement(string text)
    {
        foreach (char c in text)
        {
            if (c == '\uFFFD')
            {
                return true;
            }
        }

        return false;
    }

    private static string Latin1(byte[] bytes)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }

        return new string(chars);
    }

    private static bool IsBase64(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/' or '=' or '-' or '_';
}
