namespace Crux.Connect.Benchmarks.Infrastructure;

/// <summary>A contender for <see cref="WireCheck"/>: how to build it over a handler and make its one call.</summary>
/// <param name="Build">Builds the contender over the given handler and returns its call.</param>
/// <param name="OwnUserAgent">True for the SDK, whose User-Agent names itself; its value alone may differ.</param>
internal sealed record WireContender(string Name, Func<HttpMessageHandler, Func<Task>> Build, bool OwnUserAgent = false);
