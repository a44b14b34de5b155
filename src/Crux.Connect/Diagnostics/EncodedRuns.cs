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

            if (position - start >= MinRun && AnyDecodingHolds(text.Substring(start, position - start), holdsSecret))
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

            if (position - start >= MinRun && (Holds(text.Substring(start, position - start)) || Holds(text.Substring(start + 1, position - start - 1))))
            {
                spans.Add(new SecretRedactor.Span(start, position));
            }
        }

        bool Holds(string run) => Hex(run) is { } hex && (holdsSecret(Encoding.UTF8.GetString(hex)) || holdsSecret(Latin1(hex)));
    }

    private static bool IsHexPairAfter(string text, int position) =>
        position + 2 < text.Length && Uri.IsHexDigit(text[position + 1]) && Uri.IsHexDigit(text[position + 2]);

    private static bool AnyDecodingHolds(string run, Func<string, bool> holdsSecret)
    {
        var standard = new StringBuilder(run.Length);
        foreach (char c in run)
        {
            if (c is not (' ' or ':'))
            {
                standard.Append(c switch { '-' => '+', '_' => '/', _ => c });
            }
        }

        string base64 = standard.ToString().TrimEnd('=');
        for (int offset = 0; offset < 4 && base64.Length - offset >= 8; offset++)
        {
            int length = (base64.Length - offset) / 4 * 4;
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(base64.Substring(offset, length));
            }
            catch (FormatException)
            {
                continue; // '=' inside the run: not one base64 text
            }

            if (holdsSecret(Encoding.UTF8.GetString(bytes)) || holdsSecret(Latin1(bytes)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The bytes of a hex dump, its pairs alone or separated by one <c>-</c>, <c>:</c> or space; null if it is not one.</summary>
    private static byte[]? Hex(string run)
    {
        var bytes = new List<byte>(run.Length / 2);
        int i = 0;
        while (i < run.Length)
        {
            if (bytes.Count > 0 && run[i] is '-' or ':' or ' ')
            {
                i++;
            }

            if (i + 1 >= run.Length || !Uri.IsHexDigit(run[i]) || !Uri.IsHexDigit(run[i + 1]))
            {
                // A run may end in base64 letters after the dump: decode what was a dump.
                break;
            }

            bytes.Add((byte)((Uri.FromHex(run[i]) * 16) + Uri.FromHex(run[i + 1])));
            i += 2;
        }

        return bytes.Count >= MinRun / 2 ? bytes.ToArray() : null;
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
