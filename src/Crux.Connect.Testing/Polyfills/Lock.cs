namespace System.Threading;

/// <summary>
/// Stands in for .NET 9's Lock on net8.0 and netstandard2.0 (compiled only for those, see the csproj): the compiler's
/// <c>lock</c> pattern over a monitor. Internal, so it never clashes.
/// </summary>
internal sealed class Lock
{
    private readonly object _monitor = new();

    public Scope EnterScope()
    {
        Monitor.Enter(_monitor);
        return new Scope(_monitor);
    }

    public ref struct Scope
    {
        private readonly object _monitor;

        internal Scope(object monitor) => _monitor = monitor;

        public void Dispose() => Monitor.Exit(_monitor);
    }
}
