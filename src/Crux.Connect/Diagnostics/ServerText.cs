using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Crux.Connect.Diagnostics;

/// <summary>
/// Makes text from the server safe to put in an exception message or a log line: control characters (CR and LF among
/// them), line and paragraph separators and bidirectional overrides are written as escapes (<c>\n</c>, <c>\u2028</c>),
/// so a server cannot forge log lines or reorder what a reader sees.
/// </summary>
internal static class ServerText
{
    public static string? Escape(string? text)
    {
        if (text is null)
        {
            return null;
        }

        int first = 0;
        while (first < text.Length && !NeedsEscape(text[first]))
        {
            first++;
        }

        if (first == text.Length)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (!NeedsEscape(c))
            {
                result.Append(c);
                continue;
            }

            result.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
            });
        }

        return result.ToString();
    }

    /// <summary>Escapes and cuts to <paramref name="maxLength"/> characters, marking the cut.</summary>
    [SuppressMessage("Performance", "CA1845:Use span-based 'string.Concat'", Justification = "string.Concat of spans does not exist on netstandard2.0, which compiles this same line; it runs once per message.")]
    public static string Shorten(string text, int maxLength)
    {
        string escaped = Escape(text)!;
        return escaped.Length > maxLength ? escaped.Substring(0, maxLength) + "…" : escaped;
    }

    /// <summary>
    /// Names (a catalog's permission names, or names checked against it) for a message: each quoted, escaped and cut, at most
    /// <paramref name="maxNames"/> of them, and the joined text redacted as a whole when a redactor is given (a secret split
    /// over two names is rebuilt by the join).
    /// </summary>
    public static string Names(IEnumerable<string?> names, SecretRedactor? redactor = null, int maxNames = 100)
    {
        var text = new StringBuilder();
        int count = 0;
        foreach (string? name in names)
        {
            if (count < maxNames)
            {
                text.Append(count == 0 ? "'" : ", '").Append(Shorten(name ?? string.Empty, MaxName)).Append('\'');
            }

            count++;
        }

        if (count > maxNames)
        {
            text.Append(", … (").Append((count - maxNames).ToString(CultureInfo.InvariantCulture)).Append(" more)");
        }

        string joined = text.ToString();
        return redactor is null ? joined : redactor.Redact(joined)!;
    }

    private const int MaxName = 200;

    private static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
}
