using System.Globalization;
using System.Text;

namespace Crux.Connect.Cli.Output;

/// <summary>
/// Text from outside (the server's messages, catalog names, file contents) made safe to print on a terminal: every
/// control character (C0 including ESC, CR and LF, DEL, C1 such as the 8-bit CSI, and the bidirectional overrides) is
/// written as a visible <c>\u001b</c>-style escape, so nothing from outside can move the cursor, forge a line, set the
/// clipboard (OSC 52) or reorder what is read. Long text is cut, so a huge field cannot flood a message.
/// </summary>
internal static class TerminalText
{
    /// <summary>Longer text is cut in messages (the JSON keeps it whole).</summary>
    public const int MaxLength = 200;

    public static string Escape(string? text) => Escape(text, int.MaxValue);

    /// <summary>Escapes and cuts to <paramref name="maxLength"/> characters, saying how many were left out.</summary>
    public static string Escape(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string cut = text.Length > maxLength ? text[..maxLength] : text;
        StringBuilder? escaped = null;
        for (int i = 0; i < cut.Length; i++)
        {
            char c = cut[i];
            if (IsUnsafe(c))
            {
                escaped ??= new StringBuilder(cut, 0, i, cut.Length + 16);
                escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped?.Append(c);
            }
        }

        string result = escaped?.ToString() ?? cut;
        return text.Length > maxLength ? $"{result}... ({text.Length - maxLength:N0} more characters)" : result;
    }

    /// <summary>A value quoted in a message: escaped and cut to <see cref="MaxLength"/>.</summary>
    public static string Quote(string? text) => $"'{Escape(text, MaxLength)}'";

    private static bool IsUnsafe(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029' or '\u061c' or '\u200e' or '\u200f' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
}
