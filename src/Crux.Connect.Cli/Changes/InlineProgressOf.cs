namespace Crux.Connect.Cli.Changes;

/// <summary>Reports on the thread that reports (unlike <see cref="Progress{T}"/>, which posts to the thread pool and may report late or
/// out of order): the SDK's engine reports one at a time, so an audit line or a progress line is written in the order it happened.</summary>
/// <typeparam name="T">What is reported.</typeparam>
internal class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
