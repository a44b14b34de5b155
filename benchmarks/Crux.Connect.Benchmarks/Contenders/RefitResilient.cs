namespace Crux.Connect.Benchmarks.Contenders;

/// <summary>The Refit client resolved from a container with the standard resilience handler, and the container that owns its handlers.</summary>
public sealed record RefitResilient(IDisposable Container, ICruxRefitApi Api) : IDisposable
{
    public void Dispose() => Container.Dispose();
}
