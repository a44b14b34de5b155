using System.Text;

namespace Crux.Connect.Cli.Input;

/// <summary>
/// RFC 4180 CSV, with the line and column of every field kept for messages (why it is hand-written and not Sep or
/// Sylvan: CONTRIBUTING.md, "The crux tool"). The separator is ',' or, as Excel writes in much of Europe, ';'.
/// A line whose quotes are wrong is reported and skipped, so the rest of the file is still read.
/// </summary>
internal static class CsvParser
{
    public static List<CsvRecord> Parse(string path, string text) => Parse(path, text, ',', problems: null);

    /// <summary>Parses; a malformed line is added to <paramref name="problems"/> (or thrown, when it is null) and skipped.</summary>
    public static List<CsvRecord> Parse(string path, string text, char separator, InputProblems? problems)
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
                        Fail(problems, position.Error(path, "this quoted field is never closed (a '\"' is missing)."));
                        return records;
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

                if (i < text.Length && text[i] != separator && text[i] != '\n' && text[i] != '\r')
                {
                    Fail(problems, new SourcePosition(line, i - lineStart + 1).Error(path, $"expected '{separator}' or the end of the line after a closing quote."));

                    // Skip the rest of this line; the next line is read as usual.
                    int end = text.IndexOf('\n', i);
                    if (end < 0)
                    {
                        return records;
                    }

                    fields.Clear();
                    i = end + 1;
                    line++;
                    lineStart = i;
                    continue;
                }
            }
            else
            {
                while (i < text.Length && text[i] != separator && text[i] != '\n')
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
            if (i < text.Length && text[i] == separator)
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

    private static void Fail(InputProblems? problems, UsageException problem)
    {
        if (problems is null)
        {
            throw problem;
        }

        problems.Add(problem);
    }
}
