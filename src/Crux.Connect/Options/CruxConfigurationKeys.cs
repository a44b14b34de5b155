using System.Diagnostics.CodeAnalysis;

namespace Crux.Connect.DependencyInjection;

/// <summary>
/// The configuration keys the SDK reads, and how to name one in a message: its full path (<c>CruxConnect:Timeout</c>)
/// and its environment-variable form (<c>CruxConnect__Timeout</c>), so the message points at the line to fix.
/// </summary>
internal sealed class CruxConfigurationKeys
{
    // Every key the binder reads; a section (Retry, Credentials) maps to its children, a value to null.
    private static readonly Dictionary<string, string[]?> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["BaseAddress"] = null,
        ["ApiToken"] = null,
        ["ApiVersion"] = null,
        ["AttemptTimeout"] = null,
        ["Timeout"] = null,
        ["PermissionCatalogLifetime"] = null,
        ["Retry"] = ["MaxRetries", "BaseDelay", "MaxDelay"],
        ["Credentials"] = ["Username", "Password"],
    };

    public CruxConfigurationKeys(string sectionPath) => SectionPath = sectionPath;

    /// <summary>Gets the path of the bound section, e.g. <c>CruxConnect</c>; empty when the root itself was bound.</summary>
    public string SectionPath { get; }

    /// <summary>Gets every key the SDK reads, leaves only, e.g. <c>Retry:MaxRetries</c>.</summary>
    public static IEnumerable<string> Leaves =>
        Known.SelectMany(static pair => pair.Value is null ? [pair.Key] : pair.Value.Select(child => pair.Key + ":" + child));

    /// <summary>Answers the children of a known section, an empty array for a known value, <see langword="null"/> for an unknown key.</summary>
    public static string[]? ChildrenOf(string key) =>
        Known.TryGetValue(key, out string[]? children) ? children ?? [] : null;

    /// <summary>The full key, e.g. <c>CruxConnect:Retry:MaxRetries</c>.</summary>
    public string Key(string relative) => SectionPath.Length == 0 ? relative : SectionPath + ":" + relative;

    /// <summary>The environment-variable form of the full key, e.g. <c>CruxConnect__Retry__MaxRetries</c>.</summary>
    public string EnvironmentVariable(string relative) => string.Join("__", Key(relative).Split(':'));

    public static string Unknown(CruxConfigurationKeys keys, string relative)
    {
        string? nearest = Nearest(relative);
        string hint = nearest is null
            ? $"The keys it reads are: {string.Join(", ", Leaves)}."
            : $"Did you mean '{keys.Key(nearest)}'?";
        return $"Configuration key '{keys.Key(relative)}' is not a Crux Connect option. {hint}";
    }

    /// <summary>
    /// The known key closest to a mistyped one: the fewest edits, or one name containing the other (<c>Retries</c> is
    /// most likely <c>Retry:MaxRetries</c>), compared without case, on the last segment and on the whole path.
    /// </summary>
    [SuppressMessage("Usage", "CA2249:Consider using 'string.Contains' instead of 'string.IndexOf'", Justification = "string.Contains(string, StringComparison) does not exist on netstandard2.0, which compiles this same line.")]
    public static string? Nearest(string relative)
    {
        int colon = relative.LastIndexOf(':');
        string last = relative.Substring(colon + 1);
        string? best = null;
        double bestScore = double.MaxValue;
        foreach (string candidate in Leaves)
        {
            string candidateLast = candidate.Substring(candidate.LastIndexOf(':') + 1);
            double score = Math.Min(Distance(relative, candidate), Distance(last, candidateLast) + (colon >= 0 ? 0.5 : 0.25));
            if (candidateLast.IndexOf(last, StringComparison.OrdinalIgnoreCase) >= 0 || last.IndexOf(candidateLast, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                score = Math.Min(score, 1);
            }

            if (score < bestScore)
            {
                bestScore = score;
                best = candidate;
            }
        }

        return bestScore <= Math.Max(3, last.Length / 3) ? best : null;
    }

    /// <summary>Levenshtein distance without case: two rows, short strings.</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
