using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Crux.Connect.Diagnostics;

/// <summary>
/// Removes the secrets one request sent (its token, or the login's password) from text that came back from the server.
/// A server may echo a secret in any form, so each character of the secret is matched in every form it can take on the
/// way back: as itself, JSON-escaped (<c>\u0026</c>, <c>\/</c>, <c>\"</c>, either hex case), URL-encoded (<c>%26</c>,
/// UTF-8 bytes for non-ASCII, <c>+</c> for a space), or as an HTML character reference (<c>&amp;amp;</c>, <c>&amp;#38;</c>),
/// mixed freely. When the text was cut by a cap, a secret cut with it (a prefix at the very end) is removed too.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "***";

    private readonly string?[] _raw;
    private Unit[][]? _secrets;

    /// <summary>Keeps the secrets; they are taken apart into their forms only when there is text to search.</summary>
    public SecretRedactor(params string?[] secrets)
    {
        _raw = secrets;
    }

    public static SecretRedactor None { get; } = new();

    public bool IsEmpty => Array.TrueForAll(_raw, string.IsNullOrEmpty);

    /// <summary>Replaces every occurrence of a secret, in any form, by <see cref="Mask"/>.</summary>
    /// <param name="text">Text from the server.</param>
    /// <param name="wasCut">Whether a cap cut the text at its end, so a secret may stand there only in part.</param>
    /// <returns>The text without the secrets.</returns>
    public string? Redact(string? text, bool wasCut = false)
    {
        if (text is null || text.Length == 0 || IsEmpty)
        {
            return text;
        }

        _secrets ??= Array.ConvertAll(Array.FindAll(_raw, static s => !string.IsNullOrEmpty(s)), static s => Split(s!));

        StringBuilder? result = null;
        int copied = 0;
        int position = 0;
        while (position < text.Length)
        {
            int end = MatchAny(text, position, wasCut);
            if (end < 0)
            {
                position++;
                continue;
            }

            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, position - copied).Append(Mask);
            copied = position = end;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    private int MatchAny(string text, int start, bool wasCut)
    {
        foreach (Unit[] secret in _secrets!)
        {
            int end = Match(text, start, secret, wasCut);
            if (end >= 0)
            {
                return end;
            }
        }

        return -1;
    }

    /// <summary>The end of the secret if it starts at <paramref name="start"/>, else -1.</summary>
    private static int Match(string text, int start, Unit[] secret, bool wasCut) => MatchFrom(text, start, secret, 0, wasCut, start);

    /// <summary>
    /// Matches the secret from its unit <paramref name="index"/> on, trying every form each character may take (a backslash
    /// may stand for itself or open an escape; an ampersand may stand for itself or open a reference), so one form's
    /// greediness cannot hide another.
    /// </summary>
    private static int MatchFrom(string text, int position, Unit[] secret, int index, bool wasCut, int start)
    {
        if (index == secret.Length)
        {
            return position;
        }

        if (position >= text.Length)
        {
            // A secret that runs into the end of text that a cap cut: the rest of it was cut away.
            return wasCut && position > start ? text.Length : -1;
        }

        Unit unit = secret[index];
        char first = text[position];
        if (first != unit.Chars[0] && first is not ('\\' or '%' or '&' or '+' or '\uFFFD'))
        {
            // The common case: nothing at this position can start any form of the character.
            return -1;
        }

        var ends = new List<int>(2);
        bool partial = false;
        if (position == text.Length - 1 && text[position] == '\uFFFD' && unit.Utf8.Length > 1)
        {
            // A cap that cut through the UTF-8 bytes of this character left a replacement character.
            partial = true;
        }

        CollectChars(text, position, unit.Chars, 0, ends, ref partial);
        Add(ends, MatchPercent(text, position, unit.Utf8, ref partial));
        Add(ends, MatchEntity(text, position, unit.CodePoint, ref partial));
        if (unit.CodePoint == ' ' && text[position] == '+')
        {
            ends.Add(position + 1);
        }

        foreach (int next in ends)
        {
            int end = MatchFrom(text, next, secret, index + 1, wasCut, start);
            if (end >= 0)
            {
                return end;
            }
        }

        return partial && wasCut ? text.Length : -1;
    }

    private static void Add(List<int> ends, int end)
    {
        if (end >= 0)
        {
            ends.Add(end);
        }
    }

    /// <summary>Every way the UTF-16 chars of one character can appear: each as itself or as a JSON escape.</summary>
    private static void CollectChars(string text, int position, string chars, int index, List<int> ends, ref bool partial)
    {
        if (index == chars.Length)
        {
            ends.Add(position);
            return;
        }

        if (position >= text.Length)
        {
            partial = true;
            return;
        }

        char c = chars[index];
        int escaped = MatchEscape(text, position, c, ref partial);
        if (escaped >= 0)
        {
            CollectChars(text, escaped, chars, index + 1, ends, ref partial);
        }

        if (text[position] == c)
        {
            CollectChars(text, position + 1, chars, index + 1, ends, ref partial);
        }
    }

    /// <summary>A JSON escape of <paramref name="c"/> at <paramref name="position"/>: <c>\uXXXX</c> in either case, or a short escape.</summary>
    [SuppressMessage("Performance", "CA1846:Prefer 'AsSpan' over 'Substring'", Justification = "The span overloads of int.Parse and int.TryParse do not exist on netstandard2.0, which compiles this same code; it runs only on the few characters of an escape.")]
    private static int MatchEscape(string text, int position, char c, ref bool partial)
    {
        if (text[position] != '\\')
        {
            return -1;
        }

        if (position + 1 >= text.Length)
        {
            partial = true;
            return -1;
        }

        char kind = text[position + 1];
        if (kind != 'u')
        {
            return ShortEscape(kind) == c ? position + 2 : -1;
        }

        int hexEnd = Math.Min(position + 6, text.Length);
        if (!IsHex(text, position + 2, hexEnd))
        {
            return -1;
        }

        if (hexEnd < position + 6)
        {
            partial = true;
            return -1;
        }

        return int.Parse(text.Substring(position + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture) == c ? position + 6 : -1;
    }

    /// <summary>The UTF-8 bytes of the character as <c>%XX</c>.</summary>
    [SuppressMessage("Performance", "CA1846:Prefer 'AsSpan' over 'Substring'", Justification = "The span overloads of int.Parse and int.TryParse do not exist on netstandard2.0, which compiles this same code; it runs only on the few characters of an escape.")]
    private static int MatchPercent(string text, int position, byte[] utf8, ref bool partial)
    {
        foreach (byte b in utf8)
        {
            if (position >= text.Length)
            {
                partial = true;
                return -1;
            }

            if (text[position] != '%')
            {
                return -1;
            }

            int hexEnd = Math.Min(position + 3, text.Length);
            if (!IsHex(text, position + 1, hexEnd))
            {
                return -1;
            }

            if (hexEnd < position + 3)
            {
                partial = true;
                return -1;
            }

            if (int.Parse(text.Substring(position + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) != b)
            {
                return -1;
            }

            position += 3;
        }

        return position;
    }

    /// <summary>An HTML character reference: named (amp, lt, gt, quot, apos) or numeric.</summary>
    [SuppressMessage("Performance", "CA1846:Prefer 'AsSpan' over 'Substring'", Justification = "The span overloads of int.Parse and int.TryParse do not exist on netstandard2.0, which compiles this same code; it runs only on the few characters of an escape.")]
    private static int MatchEntity(string text, int position, int codePoint, ref bool partial)
    {
        if (text[position] != '&')
        {
            return -1;
        }

        int semicolon = text.IndexOf(';', position + 1, Math.Min(12, text.Length - position - 1));
        if (semicolon < 0)
        {
            // Too short to hold a whole reference: it may have been cut.
            partial = text.Length - position < 12;
            return -1;
        }

        string name = text.Substring(position + 1, semicolon - position - 1);
        int value = name switch
        {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ when name.Length > 2 && name[0] == '#' && (name[1] == 'x' || name[1] == 'X')
                && int.TryParse(name.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int hex) => hex,
            _ when name.Length > 1 && name[0] == '#'
                && int.TryParse(name.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out int dec) => dec,
            _ => -1,
        };
        return value == codePoint ? semicolon + 1 : -1;
    }

    private static bool IsHex(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (!Uri.IsHexDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static char ShortEscape(char kind) => kind switch
    {
        '"' => '"',
        '\\' => '\\',
        '/' => '/',
        'b' => '\b',
        'f' => '\f',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        _ => '\0',
    };

    private static Unit[] Split(string secret)
    {
        var units = new List<Unit>(secret.Length);
        for (int i = 0; i < secret.Length; i++)
        {
            int length = char.IsHighSurrogate(secret[i]) && i + 1 < secret.Length && char.IsLowSurrogate(secret[i + 1]) ? 2 : 1;
            string chars = secret.Substring(i, length);
            int codePoint = length == 2 ? char.ConvertToUtf32(secret[i], secret[i + 1]) : secret[i];
            units.Add(new Unit(chars, codePoint, Encoding.UTF8.GetBytes(chars)));
            i += length - 1;
        }

        return units.ToArray();
    }

    private readonly struct Unit
    {
        public Unit(string chars, int codePoint, byte[] utf8)
        {
            Chars = chars;
            CodePoint = codePoint;
            Utf8 = utf8;
        }

        public string Chars { get; }

        public int CodePoint { get; }

        public byte[] Utf8 { get; }
    }
}
