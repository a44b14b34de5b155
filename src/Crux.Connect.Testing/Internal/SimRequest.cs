namespace Crux.Connect.Testing.Internal;

/// <summary>A request as both front doors hand it to the engine, so the rules are written once.</summary>
internal sealed record SimRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    long? ContentLength,
    bool Chunked,
    string Transport)
{
    public string? Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }
}
