using System.Text.Json;

namespace Crux.Connect.Cli.Input;

/// <summary>
/// Reads a JSON input file token by token, so every error names its line and column: a syntax error where the
/// parser stopped, a wrong value where that value starts.
/// </summary>
internal ref struct JsonFileReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly ByteLines _lines;
    private Utf8JsonReader _reader;

    public JsonFileReader(string path, byte[] bytes)
    {
        Path = path;
        ReadOnlyMemory<byte> content = bytes.AsSpan().StartsWith(Utf8Bom) ? bytes.AsMemory(Utf8Bom.Length) : bytes;
        _lines = new ByteLines(content);

        // Several top-level values are JSON Lines (one user per line); comments and trailing commas are forgiven,
        // as people edit these files by hand.
        _reader = new Utf8JsonReader(content.Span, new JsonReaderOptions
        {
            AllowMultipleValues = true,
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        });
    }

    public string Path { get; }

    public readonly JsonTokenType TokenType => _reader.TokenType;

    public readonly SourcePosition Position => _lines.At(_reader.TokenStartIndex);

    public bool Read()
    {
        try
        {
            return _reader.Read();
        }
        catch (JsonException exception)
        {
            var position = new SourcePosition((int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1);
            throw position.Error(Path, "not valid JSON: " + WithoutPosition(exception.Message));
        }
    }

    public void ReadValue(string what)
    {
        if (!Read())
        {
            throw Error($"the file ends where {what} was expected.");
        }
    }

    public void Skip()
    {
        try
        {
            _reader.Skip();
        }
        catch (JsonException exception)
        {
            var position = new SourcePosition((int)(exception.LineNumber ?? 0) + 1, (int)(exception.BytePositionInLine ?? 0) + 1);
            throw position.Error(Path, "not valid JSON: " + WithoutPosition(exception.Message));
        }
    }

    public readonly string? GetString() => _reader.GetString();

    public readonly bool PropertyIs(string name) => string.Equals(_reader.GetString(), name, StringComparison.OrdinalIgnoreCase);

    public readonly UsageException Error(string message) => Position.Error(Path, message);

    /// <summary>Reads a permission list: an array of strings, or one string of names separated by ';', ',' or spaces.
    /// A wrong item is a problem (or thrown, without <paramref name="problems"/>), and the rest is still read.</summary>
    public List<PermissionRef> ReadPermissionList(string property, InputProblems? problems = null)
    {
        ReadValue($"the \"{property}\" list");
        var list = new List<PermissionRef>();
        if (TokenType == JsonTokenType.String)
        {
            SourcePosition at = Position;
            list.AddRange(PermissionText.Split(GetString()!).Select(v => new PermissionRef(v, at)));
            return list;
        }

        if (TokenType != JsonTokenType.StartArray)
        {
            Problem(problems, Error($"\"{Output.TerminalText.Escape(property)}\" must be a list of permission names or uuids, like [\"view_order\", \"export_order\"]."));
            Skip();
            return list;
        }

        while (Read() && TokenType != JsonTokenType.EndArray)
        {
            if (TokenType != JsonTokenType.String || string.IsNullOrWhiteSpace(GetString()))
            {
                Problem(problems, Error($"each item of \"{Output.TerminalText.Escape(property)}\" must be a permission name or uuid in quotes."));
                Skip();
                continue;
            }

            list.Add(new PermissionRef(GetString()!.Trim(), Position));
        }

        return list;
    }

    /// <summary>Adds the problem to the list, or throws it when there is no list.</summary>
    public static void Problem(InputProblems? problems, UsageException problem)
    {
        if (problems is null)
        {
            throw problem;
        }

        problems.Add(problem);
    }

    // System.Text.Json appends "LineNumber: 0 | BytePositionInLine: 5." (0-based); our message already says where, 1-based.
    private static string WithoutPosition(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).Trim();
    }
}
