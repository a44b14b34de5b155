namespace Crux.Connect.Cli.Changes;

/// <summary>Reports on the thread that reports (unlike <see cref="Progress{T}"/>, which posts to the thread pool and may report late or out of order).</summary>
internal sealed class InlineProgress(Action<CruxBulkProgress> report) : InlineProgress<CruxBulkProgress>(report);
