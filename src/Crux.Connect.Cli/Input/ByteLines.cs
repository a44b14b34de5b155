namespace Crux.Connect.Cli.Input;

/// <summary>Turns a byte offset into a file (what <see cref="System.Text.Json.Utf8JsonReader"/> knows) into a line and column.</summary>
internal sealed class ByteLines
{
    private readonly List<int> _lineStarts = [0];
    private readonly ReadOnlyMemory<byte> _bytes;

    public ByteLines(ReadOnlyMemory<byte> bytes)
    {
        _bytes = bytes;
        ReadOnlySpan<byte> span = bytes.Span;
        for (int i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public SourcePosition At(long offset)
    {
        int index = _lineStarts.BinarySearch((int)offset);
        int line = index >= 0 ? index : ~index - 1;

        // Columns count characters, not bytes, so a name with an accent before the error does not shift the column.
        int start = _lineStarts[line];
        int column = System.Text.Encoding.UTF8.GetCharCount(_bytes.Span[start..(int)offset]) + 1;
        return new SourcePosition(line + 1, column);
    }
}
