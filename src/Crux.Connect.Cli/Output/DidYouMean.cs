namespace Crux.Connect.Cli.Output;

/// <summary>"Did you mean": the known words closest to a mistyped one (edit distance, a prefix counts as close), for
/// permission names, roles and commands.</summary>
internal static class DidYouMean
{
    /// <summary>The sentence to append, or an empty string when nothing is close.</summary>
    public static string Suggest(string typed, IEnumerable<string> known)
    {
        string[] close = [.. Closest(typed, known)];
        return close.Length == 0 ? string.Empty : $" Did you mean {string.Join(" or ", close.Select(c => $"'{TerminalText.Escape(c)}'"))}?";
    }

    public static IEnumerable<string> Closest(string typed, IEnumerable<string> known)
    {
        string word = typed.Trim().ToLowerInvariant();
        if (word.Length == 0)
        {
            return [];
        }

        int limit = Math.Max(1, word.Length / 3);
        var scored = known.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(k => (Known: k, Distance: Distance(word, k.ToLowerInvariant())))
            .Where(s => s.Distance <= limit || (word.Length >= 3 && s.Known.StartsWith(word, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        int best = scored.Count == 0 ? 0 : scored.Min(s => s.Distance);
        return scored.Where(s => s.Distance == best || s.Distance <= 1).OrderBy(s => s.Distance).ThenBy(s => s.Known, StringComparer.Ordinal).Take(3).Select(s => s.Known);
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbours cost 1.</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 8)
        {
            return int.MaxValue;
        }

        int[][] d = [.. Enumerable.Range(0, a.Length + 1).Select(_ => new int[b.Length + 1])];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i][0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0][j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i][j] = Math.Min(Math.Min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i][j] = Math.Min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }

        return d[a.Length][b.Length];
    }
}
