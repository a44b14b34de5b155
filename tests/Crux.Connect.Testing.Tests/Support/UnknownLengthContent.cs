using System.Net;
using System.Text;

namespace Crux.Connect.Testing.Tests.Support;

/// <summary>JSON content that cannot say its length, so a socket handler must send it chunked.</summary>
public sealed class UnknownLengthContent : HttpContent
{
    private readonly byte[] _bytes;

    public UnknownLengthContent(string json)
    {
        _bytes = Encoding.UTF8.GetBytes(json);
        Headers.TryAddWithoutValidation("Content-Type", SimulatorHarness.JsonType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
