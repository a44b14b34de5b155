namespace Crux.Connect.Cli.Input;

/// <summary>One CSV line's fields; a field the line lacks reads as empty, placed at the line's end.</summary>
internal sealed record CsvRecord(IReadOnlyList<CsvField> Fields, SourcePosition End)
{
    public CsvField Field(int index) => index < Fields.Count ? Fields[index] : new CsvField(string.Empty, End, End);
}
