using Crux.Connect.Testing.Internal;

namespace Crux.Connect.Testing;

public sealed partial class CruxSimulator
{
    /// <summary>Creates the in-memory front door: a handler that answers from this simulator with no sockets.
    /// Give it to an <see cref="HttpClient"/> (any absolute <c>BaseAddress</c>, e.g. <c>https://simulator.local/</c>) or to
    /// <c>ConfigurePrimaryHttpMessageHandler</c>. Each call returns a new handler over the same state.</summary>
    /// <returns>A handler; a dropped connection surfaces as <see cref="HttpRequestException"/> wrapping an <see cref="IOException"/>.</returns>
    public HttpMessageHandler CreateHandler() => new InMemoryHandler(this);
}
