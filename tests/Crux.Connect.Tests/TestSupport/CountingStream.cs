namespace Crux.Connect.Tests.TestSupport;

/// <summary>A read-only stream of <c>length</c> identical bytes that counts what was read: proves a reader stopped early.</summary>
public sealed class CountingStream : Stream
{
    private readonly byte _fill;
    private readonly long _length;
    private long _position;

    public CountingStream(byte fill, long length)
    {
        _fill = fill;
        _length = length;
    }

    public long BytesRead => Interlocked.Read(ref _position);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = (int)Math.Min(count, _length - _position);
        if (n <= 0)
        {
            return 0;
        }

        buffer.AsSpan(offset, n).Fill(_fill);
        Interlocked.Add(ref _position, n);
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
