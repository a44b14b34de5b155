namespace Crux.Connect.Cli.Input;

/// <summary>Splits a list of permissions written in one field: names or uuids separated by ';', ',', '|' or white space.</summary>
internal static class PermissionText
{
    private static readonly char[] Separators = [';', ',', '|', ' ', '\t'];

    public static string[] Split(string text) => text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Splits and keeps each item's column, counted from the field's first character at <paramref name="start"/>.</summary>
    public static List<PermissionRef> Split(string text, SourcePosition start)
    {
        var list = new List<PermissionRef>();
        int i = 0;
        while (i < text.Length)
        {
            if (Array.IndexOf(Separators, text[i]) >= 0)
            {
                i++;
                continue;
            }

            int begin = i;
            while (i < text.Length && Array.IndexOf(Separators, text[i]) < 0)
            {
                i++;
            }

            list.Add(new PermissionRef(text[begin..i], start with { Column = start.Column + begin }));
        }

        return list;
    }
}
