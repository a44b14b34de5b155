using Crux.Connect.Cli.Output;

namespace Crux.Connect.Cli.Input;

/// <summary>
/// Every problem found in the input files of one run, each with its file, line and column, so that a file is read whole
/// and all its mistakes are reported at once (up to <see cref="MaxShown"/>), never one per run.
/// </summary>
internal sealed class InputProblems
{
    /// <summary>At most this many problems are listed; the rest are counted (the README promises up to 20 at once).</summary>
    public const int MaxShown = 20;

    private readonly List<string> _messages = [];

    public int Count => _messages.Count;

    public bool Any(Func<string, bool> predicate) => _messages.Any(predicate);

    public void Add(string path, SourcePosition position, string message) => Add(position.Error(path, message).Message);

    public void Add(UsageException problem) => Add(problem.Message);

    /// <summary>Throws one usage error listing every problem, if there is any; <paramref name="hint"/> is added after them.</summary>
    public void ThrowIfAny(string? hint = null)
    {
        if (_messages.Count == 0)
        {
            return;
        }

        string more = _messages.Count > MaxShown ? $"{Environment.NewLine}... and {_messages.Count - MaxShown} more." : string.Empty;
        throw new UsageException(
            $"Nothing was changed; the input has {_messages.Count} problem{(_messages.Count == 1 ? "" : "s")}:{Environment.NewLine}"
            + string.Join(Environment.NewLine, _messages.Take(MaxShown)) + more
            + (hint is null ? string.Empty : Environment.NewLine + hint));
    }

    private void Add(string message)
    {
        // The same mistake reached twice (a bad name in a role used by many users) is said once.
        if (!_messages.Contains(message))
        {
            _messages.Add(message);
        }
    }
}
