namespace Crux.Connect.Cli.Output;

/// <summary>
/// Uuids short enough for an 80-column table: the shortest prefix (at least <see cref="MinLength"/> characters) that is
/// unique among the uuids of that table, as git shows commits. <c>--wide</c> and the JSON show them whole.
/// </summary>
internal sealed class ShortUuids
{
    public const int MinLength = 8;

    private readonly int _length;

    public ShortUuids(IEnumerable<Guid> uuids, bool wide)
    {
        string[] all = [.. uuids.Distinct().Select(u => u.ToString("D"))];
        _length = 36;
        if (wide)
        {
            return;
        }

        for (int length = MinLength; length < 36; length++)
        {
            if (all.Select(u => u[..length]).Distinct(StringComparer.Ordinal).Count() == all.Length)
            {
                _length = length;
                break;
            }
        }
    }

    /// <summary>Gets a value indicating whether the uuids are cut (so a table can say how to see them whole).</summary>
    public bool AreShort => _length < 36;

    public string Of(Guid uuid) => uuid.ToString("D")[.._length];
}
