using System.Threading.Channels;

namespace Crux.Connect.WorkerSample;

/// <summary>The users leaving the team; in a real application, messages from a queue or an HR system's webhook.</summary>
public sealed class OffboardingQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>();

    public OffboardingQueue(IEnumerable<Guid> users)
    {
        foreach (Guid user in users)
        {
            _channel.Writer.TryWrite(user);
        }

        // This sample has a fixed list; a real queue stays open.
        _channel.Writer.Complete();
    }

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
