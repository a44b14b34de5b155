using System.Text;

namespace Crux.Connect.Diagnostics;

/// <summary>
/// Removes the secrets one request sent (its token, or the login's password) from text that came back from the server.
/// A server may echo a secret in any form, so each character of the secret is matched in every form it can take on the
/// way back, mixed freely: as itself in either case, JSON-escaped (<c>\u0026</c>, <c>\/</c>, <c>\"</c>, either hex case),
/// URL-encoded once or twice (<c>%26</c>, <c>%2526</c>, UTF-8 bytes for non-ASCII, <c>+</c> for a space), as an HTML
/// character reference (<c>&amp;amp;</c>, <c>&amp;#38;</c>), or as hex bytes (<c>54-6F</c>, <c>546f</c>, as .NET's transport
/// errors dump them); zero-width characters and soft hyphens inside it are skipped. Base64 of the secret is found at each of
/// the three byte alignments, so inside a longer blob too (<c>Token &lt;secret&gt;</c>, <c>user:password</c>), and the whole
/// blob is masked. When the text was cut by a cap, a secret cut with it (a prefix at the very end) is removed too.
/// </summary>
/// <remarks>
/// Linear time whatever the secret or the text: one left-to-right pass that keeps, for every position, which prefixes of
/// the secret end there (a set of states, never a backtracking search), plus a Knuth-Morris-Pratt scan per base64 form.
/// </remarks>
internal sealed class SecretRedactor
{
    public const string Mask = "***";

    /// <summary>Longer than any one form of one character (four bytes of <c>%25XX</c>, two <c>\uXXXX</c>).</summary>
    private const int Window = 32;

    private const int Unreached = int.MaxValue;

    /// <summary>Characters a server (or an attacker shaping the echo) may slip inside a secret without changing how it reads.</summary>
    private static readonly Unit[] Ignorable = Array.ConvertAll(new[] { "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u180E" }, Unit.Of);

    private readonly string?[] _raw;
    private Pattern[]? _patterns;

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

        List<Span> spans = Find(text, wasCut);
        return spans.Count == 0 ? text : Replace(text, spans);
    }

    /// <summary>Where the secrets stand in <paramref name="text"/>, in any form (possibly overlapping, unordered).</summary>
    /// <param name="text">Text from the server, or a message composed from it.</param>
    /// <param name="wasCut">Whether a cap cut the text at its end.</param>
    /// <returns>The spans to mask.</returns>
    public List<Span> Find(string text, bool wasCut = false)
    {
        var spans = new List<Span>();
        if (text.Length == 0 || IsEmpty)
        {
            return spans;
        }

        _patterns ??= Array.ConvertAll(Array.FindAll(_raw, static s => !string.IsNullOrEmpty(s)), static s => new Pattern(s!));

        foreach (Pattern pattern in _patterns)
        {
            FindForms(text, pattern.Units, wasCut, spans);
            foreach (string core in pattern.Base64)
            {
                FindBase64(text, core, pattern.Failure[core], spans);
            }
        }

        // An encoding of an encoding (the hex dump or base64 of a JSON-escaped login body): such runs are decoded once and
        // searched again; a run that holds a secret is masked whole.
        Pattern[] patterns = _patterns;
        EncodedRuns.Find(text, decoded => Array.Exists(patterns, p => Holds(decoded, p)), spans);
        return spans;
    }

    private static string Replace(string text, List<Span> spans)
    {
        spans.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var result = new StringBuilder(text.Length);
        int copied = 0;
        foreach (Span span in spans)
        {
            if (span.Start >= copied)
            {
                result.Append(text, copied, span.Start - copied).Append(Mask);
                copied = span.End;
            }
            else if (span.End > copied)
            {
                // Overlaps the span just masked: the mask grows to cover it.
                copied = span.End;
            }
        }

        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// One pass over the text: <c>rows[p][k]</c> is the earliest start of a match of the secret's first <c>k</c> characters
    /// that ends at <c>p</c>. A form of character <c>k</c> found at <c>p</c> moves that start to the form's end and <c>k + 1</c>.
    /// </summary>
    private static void FindForms(string text, Unit[] units, bool wasCut, List<Span> spans)
    {
        int n = units.Length;
        var rows = new int[Window][];
        for (int i = 0; i < Window; i++)
        {
            rows[i] = NewRow(n);
        }

        // The forms found at a position depend only on the character (and whether it is the secret's first), not on k:
        // each distinct one is computed once per position, so a secret of one repeated character costs no more than two.
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyOf = new int[n];
        for (int k = 0; k < n; k++)
        {
            string key = (k > 0 ? "1" : "0") + units[k].Chars;
            keyOf[k] = keys.TryGetValue(key, out int index) ? index : keys[key] = keys.Count;
        }

        var cached = new List<int>[keys.Count];
        var cachedPartial = new bool[keys.Count];
        var cachedAt = new int[keys.Count];
        for (int i = 0; i < cached.Length; i++)
        {
            cached[i] = new List<int>(4);
            cachedAt[i] = -1;
        }

        var skips = new List<int>(2);
        for (int p = 0; p <= text.Length; p++)
        {
            int[] row = rows[p % Window];
            row[0] = Math.Min(row[0], p);
            if (row[n] != Unreached)
            {
                spans.Add(new Span(row[n], p));
            }

            if (p == text.Length)
            {
                if (wasCut && MinStart(row, 1, n) is var start && start < p)
                {
                    // A secret that runs into the end of text that a cap cut: the rest of it was cut away.
                    spans.Add(new Span(start, p));
                }

                break;
            }

            bool skipsDone = false;
            bool skipsPartial = false;
            for (int k = 0; k < n; k++)
            {
                int from = row[k];
                if (from == Unreached)
                {
                    continue;
                }

                int key = keyOf[k];
                if (cachedAt[key] != p)
                {
                    cachedAt[key] = p;
                    cached[key].Clear();
                    cachedPartial[key] = false;
                    Forms(text, p, units[k], k > 0, cached[key], ref cachedPartial[key]);
                }

                foreach (int end in cached[key])
                {
                    Relax(rows[end % Window], k + 1, from);
                }

                bool partial = cachedPartial[key];
                if (k > 0)
                {
                    if (!skipsDone)
                    {
                        skipsDone = true;
                        skips.Clear();
                        foreach (Unit ignorable in Ignorable)
                        {
                            Forms(text, p, ignorable, false, skips, ref skipsPartial);
                        }
                    }

                    foreach (int end in skips)
                    {
                        Relax(rows[end % Window], k, from);
                    }

                    partial |= skipsPartial;
                }

                if (partial && wasCut)
                {
                    // The text ends inside a form of this character (a cut escape, a cut UTF-8 sequence).
                    spans.Add(new Span(from, text.Length));
                }
            }

            for (int k = 0; k <= n; k++)
            {
                row[k] = Unreached;
            }
        }
    }

    private static bool Holds(string decoded, Pattern pattern)
    {
        var found = new List<Span>();
        FindForms(decoded, pattern.Units, wasCut: false, found);
        return found.Count > 0;
    }

    private static int[] NewRow(int n)
    {
        var row = new int[n + 1];
        for (int i = 0; i < row.Length; i++)
        {
            row[i] = Unreached;
        }

        return row;
    }

    private static int MinStart(int[] row, int from, int to)
    {
        int min = Unreached;
        for (int k = from; k < to; k++)
        {
            min = Math.Min(min, row[k]);
        }

        return min;
    }

    private static void Relax(int[] row, int k, int start) => row[k] = Math.Min(row[k], start);

    /// <summary>The ends of every form of <paramref name="unit"/> that starts at <paramref name="position"/>.</summary>
    private static void Forms(string text, int position, Unit unit, bool inside, List<int> ends, ref bool partial)
    {
        char first = text[position];
        if (first is not ('\\' or '%' or '&' or '+' or '\uFFFD' or '-' or ':' or ' ') && first != '?' && !Uri.IsHexDigit(first) && first != (char)unit.Utf8[0]
            && char.ToUpperInvariant(first) != char.ToUpperInvariant(unit.Chars[0]))
        {
            // The common case: nothing at this position can start any form of the character.
            return;
        }

        if (position == text.Length - 1 && first == '\uFFFD' && unit.Utf8.Length > 1)
        {
            // A cap that cut through the UTF-8 bytes of this character left a replacement character.
            partial = true;
        }

        CollectChars(text, position, unit.Chars, 0, ends, ref partial);
        Add(ends, MatchPercent(text, position, unit.Utf8, "%", ref partial));
        Add(ends, MatchPercent(text, position, unit.Utf8, "%25", ref partial));
        Add(ends, MatchEntity(text, position, unit.CodePoint, ref partial));
        Add(ends, MatchHex(text, position, unit.Utf8, inside, ref partial));
        Add(ends, MatchLatin1(text, position, unit.Utf8));
        if (unit.Utf8.Length > 1)
        {
            // What a decoder leaves of a non-ASCII character it could not read: '?' or U+FFFD, once or once per byte.
            Add(ends, MatchReplaced(text, position, 1));
            Add(ends, MatchReplaced(text, position, unit.Utf8.Length));
        }
        if (unit.CodePoint == ' ' && first == '+')
        {
            ends.Add(position + 1);
        }
    }

    private static void Add(List<int> ends, int end)
    {
        if (end >= 0)
        {
            ends.Add(end);
        }
    }

    /// <summary>Every way the UTF-16 chars of one character can appear: each as itself (either case) or as a JSON escape.</summary>
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

        if (SameIgnoringCase(text[position], c))
        {
            CollectChars(text, position + 1, chars, index + 1, ends, ref partial);
        }
    }

    private static bool SameIgnoringCase(char a, char b) => a == b || char.ToUpperInvariant(a) == char.ToUpperInvariant(b);

    /// <summary>A JSON escape of <paramref name="c"/> at <paramref name="position"/>: <c>\uXXXX</c> in either case, or a short escape.</summary>
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

        int value = Hex(text, position + 2, 4, ref partial);
        return value >= 0 && SameIgnoringCase((char)value, c) ? position + 6 : -1;
    }

    /// <summary>The UTF-8 bytes of the character, each as <paramref name="prefix"/> and two hex digits.</summary>
    private static int MatchPercent(string text, int position, byte[] utf8, string prefix, ref bool partial)
    {
        foreach (byte b in utf8)
        {
            for (int i = 0; i < prefix.Length; i++, position++)
            {
                if (position >= text.Length)
                {
                    partial = true;
                    return -1;
                }

                if (char.ToUpperInvariant(text[position]) != prefix[i])
                {
                    return -1;
                }
            }

            if (Hex(text, position, 2, ref partial) != b)
            {
                return -1;
            }

            position += 2;
        }

        return position;
    }

    /// <summary>The UTF-8 bytes as hex digits, each byte after an optional <c>-</c>, <c>:</c> or space (not before a secret's first byte).</summary>
    private static int MatchHex(string text, int position, byte[] utf8, bool inside, ref bool partial)
    {
        for (int i = 0; i < utf8.Length; i++)
        {
            if ((inside || i > 0) && position < text.Length && text[position] is '-' or ':' or ' ')
            {
                position++;
            }

            if (Hex(text, position, 2, ref partial) != utf8[i])
            {
                return -1;
            }

            position += 2;
        }

        return position;
    }

    /// <summary>The UTF-8 bytes of a non-ASCII character read as Latin-1, one char per byte, as .NET reads a header's bytes.</summary>
    private static int MatchLatin1(string text, int position, byte[] utf8)
    {
        if (utf8.Length < 2 || position + utf8.Length > text.Length)
        {
            return -1;
        }

        for (int i = 0; i < utf8.Length; i++)
        {
            if (text[position + i] != (char)utf8[i])
            {
                return -1;
            }
        }

        return position + utf8.Length;
    }

    private static int MatchReplaced(string text, int position, int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (position + i >= text.Length || text[position + i] is not ('?' or '\uFFFD'))
            {
                return -1;
            }
        }

        return position + count;
    }

    /// <summary>The value of <paramref name="digits"/> hex digits at <paramref name="position"/>, or -1.</summary>
    private static int Hex(string text, int position, int digits, ref bool partial)
    {
        int value = 0;
        for (int i = 0; i < digits; i++)
        {
            if (position + i >= text.Length)
            {
                partial = true;
                return -1;
            }

            char c = text[position + i];
            if (!Uri.IsHexDigit(c))
            {
                return -1;
            }

            value = (value * 16) + Uri.FromHex(c);
        }

        return value;
    }

    /// <summary>An HTML character reference: named (amp, lt, gt, quot, apos) or numeric.</summary>
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
            partial |= text.Length - position < 12;
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
            _ when name.Length > 2 && name[0] == '#' && (name[1] == 'x' || name[1] == 'X') => Number(name, 2, 16),
            _ when name.Length > 1 && name[0] == '#' => Number(name, 1, 10),
            _ => -1,
        };
        return value == codePoint || (value is >= 0 and <= char.MaxValue && codePoint <= char.MaxValue && SameIgnoringCase((char)value, (char)codePoint))
            ? semicolon + 1
            : -1;
    }

    private static int Number(string digits, int from, int radix)
    {
        int value = 0;
        for (int i = from; i < digits.Length; i++)
        {
            int digit = radix == 16 && Uri.IsHexDigit(digits[i]) ? Uri.FromHex(digits[i]) : digits[i] is >= '0' and <= '9' ? digits[i] - '0' : -1;
            if (digit < 0 || value > 0x10FFFF)
            {
                return -1;
            }

            value = (value * radix) + digit;
        }

        return value;
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

    /// <summary>Knuth-Morris-Pratt: every occurrence of a base64 form, each widened to the whole base64 run around it.</summary>
    private static void FindBase64(string text, string core, int[] failure, List<Span> spans)
    {
        int matched = 0;
        for (int i = 0; i < text.Length; i++)
        {
            while (matched > 0 && text[i] != core[matched])
            {
                matched = failure[matched - 1];
            }

            if (text[i] == core[matched])
            {
                matched++;
            }

            if (matched == core.Length)
            {
                int start = i - core.Length + 1;
                int end = i + 1;
                while (start > 0 && IsBase64(text[start - 1]))
                {
                    start--;
                }

                while (end < text.Length && IsBase64(text[end]))
                {
                    end++;
                }

                spans.Add(new Span(start, end));
                matched = failure[matched - 1];
            }
        }
    }

    private static bool IsBase64(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '+' or '/' or '=' or '-' or '_';

    internal readonly struct Span
    {
        public Span(int start, int end)
        {
            Start = start;
            End = end;
        }

        public int Start { get; }

        public int End { get; }
    }

    /// <summary>One secret, taken apart: its characters, and its base64 forms at each alignment with their KMP tables.</summary>
    private sealed class Pattern
    {
        /// <summary>Shorter secrets have base64 forms too short to tell from ordinary text.</summary>
        private const int MinBase64Bytes = 6;

        public Pattern(string secret)
        {
            var units = new List<Unit>(secret.Length);
            for (int i = 0; i < secret.Length; i++)
            {
                int length = char.IsHighSurrogate(secret[i]) && i + 1 < secret.Length && char.IsLowSurrogate(secret[i + 1]) ? 2 : 1;
                units.Add(Unit.Of(secret.Substring(i, length)));
                i += length - 1;
            }

            Units = units.ToArray();
            byte[] bytes = Encoding.UTF8.GetBytes(secret);
            var cores = new List<string>(6);
            if (bytes.Length >= MinBase64Bytes)
            {
                for (int alignment = 0; alignment < 3; alignment++)
                {
                    // Encoded after `alignment` other bytes, only the characters made of the secret's bits alone are fixed.
                    var buffer = new byte[alignment + bytes.Length + 2];
                    Buffer.BlockCopy(bytes, 0, buffer, alignment, bytes.Length);
                    string encoded = Convert.ToBase64String(buffer);
                    int first = ((alignment * 8) + 5) / 6;
                    int last = (alignment + bytes.Length) * 8 / 6;
                    string core = encoded.Substring(first, last - first);
                    cores.Add(core);
                    cores.Add(core.Replace('+', '-').Replace('/', '_'));
                }
            }

            Base64 = cores.Distinct(StringComparer.Ordinal).ToArray();
            Failure = Base64.ToDictionary(static c => c, Table, StringComparer.Ordinal);
        }

        public Unit[] Units { get; }

        public string[] Base64 { get; }

        public Dictionary<string, int[]> Failure { get; }

        private static int[] Table(string pattern)
        {
            var failure = new int[pattern.Length];
            int k = 0;
            for (int i = 1; i < pattern.Length; i++)
            {
                while (k > 0 && pattern[i] != pattern[k])
                {
                    k = failure[k - 1];
                }

                if (pattern[i] == pattern[k])
                {
                    k++;
                }

                failure[i] = k;
            }

            return failure;
        }
    }

    private readonly struct Unit
    {
        private Unit(string chars, int codePoint, byte[] utf8)
        {
            Chars = chars;
            CodePoint = codePoint;
            Utf8 = utf8;
        }

        public string Chars { get; }

        public int CodePoint { get; }

        public byte[] Utf8 { get; }

        public static Unit Of(string chars) =>
            new(chars, chars.Length == 2 ? char.ConvertToUtf32(chars[0], chars[1]) : chars[0], Encoding.UTF8.GetBytes(chars));
    }
}
