using System.Text;

namespace Crux.Connect.Cli.Files;

/// <summary>
/// RFC 4180 CSV, with the line and column of every field kept for messages. Small on purpose: the files are a user
/// per line with a few columns, and no CSV package is among the project's dependencies.
/// </summary>
internal static class CsvParser
{
    public static List<CsvRecord> Parse(string path, string text)
    {
        var records = new List<CsvRecord>();
        var fields = new List<CsvField>();
        var value = new StringBuilder();
        int i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        int line = 1;
        int lineStart = i;
        bool lineIsBlankOrComment = false;

        while (i <= text.Length)
        {
            bool atLineStart = fields.Count == 0;
            if (atLineStart)
            {
                int end = text.IndexOf('\n', i);
                string rest = (end < 0 ? text[i..] : text[i..end]).TrimEnd('\r');
                lineIsBlankOrComment = rest.Trim().Length == 0 || rest.TrimStart().StartsWith('#');
                if (lineIsBlankOrComment)
                {
                    if (end < 0)
                    {
                        break;
                    }

                    i = end + 1;
                    line++;
                    lineStart = i;
                    continue;
                }
            }

            var position = new SourcePosition(line, i - lineStart + 1);
            value.Clear();
            SourcePosition content = position;
            if (i < text.Length && text[i] == '"')
            {
                content = position with { Column = position.Column + 1 };
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw position.Error(path, "this quoted field is never closed (a '\"' is missing).");
                    }

                    char c = text[i];
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            value.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (c == '\n')
                    {
                        line++;
                        lineStart = i + 1;
                    }

                    value.Append(c);
                    i++;
                }

                if (i < text.Length && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                {
                    throw new SourcePosition(line, i - lineStart + 1).Error(path, "expected ',' or the end of the line after a closing quote.");
                }
            }
            else
            {
                while (i < text.Length && text[i] != ',' && text[i] != '\n')
                {
                    value.Append(text[i]);
                    i++;
                }

                if (value.Length > 0 && value[^1] == '\r')
                {
                    value.Length--;
                }
            }

            if (i < text.Length && text[i] == '\r')
            {
                i++;
            }

            fields.Add(new CsvField(value.ToString(), position, content));
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            // End of the line (or of the file).
            records.Add(new CsvRecord([.. fields], new SourcePosition(line, i - lineStart + 1)));
            fields.Clear();
            if (i >= text.Length)
            {
                break;
            }

            i++;
            line++;
            lineStart = i;
        }

        return records;
    }
}
