namespace Crux.Connect.Cli.Input;

/// <summary>A CSV field: its value (quotes removed), where it starts, and where its content starts (after an opening quote).</summary>
internal sealed record CsvField(string Value, SourcePosition Position, SourcePosition ContentPosition);
