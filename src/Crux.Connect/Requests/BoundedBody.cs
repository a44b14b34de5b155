using System.Buffers;
using System.Text;

namespace Crux.Connect.Internal;

/// <summary>
/// A response body read with a cap: at most <c>limit</c> bytes are ever read into memory, whatever the
/// server sends or claims, so a huge or endless body can neither exhaust memory nor stall the call on
/// reading it all. The buffer is rented; dispose to return it.
/// </summary>
internal readonly struct BoundedBody : IDisposable
{
    /// <summary>How much of an error body is kept (and shown as <see cref="CruxApiException.ResponseBody"/>).</summary>
    public const int ErrorBodyLimit = 64 * 1024;

    /// <summary>How large a successful JSON answer may be; the permission catalog is a few KiB.</summary>
    public const int SuccessBodyLimit = 4 * 1024 * 1024;

    private const int InitialBuffer = 16 * 1024;
    private const string CutMarker = "…(truncated)";

    private readonly byte[]? _buffer;

    private BoundedBody(byte[]? buffer, int length, bool truncated)
    {
        _buffer = buffer;
        Length = length;
        IsTruncated = truncated;
    }

    private BoundedBody(BoundedBody partial, bool incomplete)
        : this(partial._buffer, partial.Length, partial.IsTruncated || incomplete)
    {
    }

    public int Length { get; }

    /// <summary>Gets whether the body was longer than the limit (only the first <c>limit</c> bytes were read).</summary>
    public bool IsTruncated { get; }

    public ReadOnlySpan<byte> Span => _buffer is null ? default : _buffer.AsSpan(0, Length);

    /// <summary>
    /// Reads like <see cref="ReadAsync(HttpContent?, int, CancellationToken)"/>, but a body that stalls until <paramref name="cancellationToken"/> fires, or that
    /// breaks off, yields what arrived (marked as cut) instead of failing: the status already decided the outcome.
    /// Only the caller's own cancellation still throws.
    /// </summary>
    public static async ValueTask<BoundedBody> ReadAvailableAsync(
        HttpContent? content, int limit, CancellationToken cancellationToken, CancellationToken callerToken)
    {
        var received = new Received();
        try
        {
            return await ReadAsync(content, limit, received, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!callerToken.IsCancellationRequested && exception is OperationCanceledException or IOException or HttpRequestException)
        {
            return new BoundedBody(received.Body, incomplete: received.Body.Length > 0);
        }
    }

    /// <summary>Removes the secret from a body's text, including one the cap cut in half at its end.</summary>
    public static string? Redact(string? text, Diagnostics.SecretRedactor redactor)
    {
        if (text is null || !text.EndsWith(CutMarker, StringComparison.Ordinal))
        {
            return redactor.Redact(text);
        }

        return redactor.Redact(text.Substring(0, text.Length - CutMarker.Length), wasCut: true) + CutMarker;
    }

    public static ValueTask<BoundedBody> ReadAsync(HttpContent? content, int limit, CancellationToken cancellationToken) =>
        ReadAsync(content, limit, null, cancellationToken);

    private static async ValueTask<BoundedBody> ReadAsync(HttpContent? content, int limit, Received? received, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return default;
        }

        long? declared = content.Headers.ContentLength;
        if (declared == 0)
        {
            return default;
        }

#if NET
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using (stream)
        {
            // Size the first buffer from Content-Length when the server sent one (one more byte detects a lie).
            // Compared before adding: long.MaxValue + 1 overflows, and a length past the cap is only a claim.
            int initial = declared is > 0 ? (int)Math.Min(declared.Value, limit) + 1 : Math.Min(InitialBuffer, limit + 1);
            byte[] buffer = ArrayPool<byte>.Shared.Rent(initial);
            int length = 0;
            try
            {
                int cap = limit + 1;
                while (length < cap)
                {
                    if (length == buffer.Length)
                    {
                        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, cap));
                        Buffer.BlockCopy(buffer, 0, larger, 0, length);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                        received?.Keep(buffer, length);
                    }

                    int toRead = Math.Min(buffer.Length, cap) - length;
#if NET
                    int read = await stream.ReadAsync(buffer.AsMemory(length, toRead), cancellationToken).ConfigureAwait(false);
#else
                    int read = await stream.ReadAsync(buffer, length, toRead, cancellationToken).ConfigureAwait(false);
#endif
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (received is not null)
                    {
                        received.Keep(buffer, length);
                    }
                }

                bool truncated = length > limit;
                return new BoundedBody(buffer, truncated ? limit : length, truncated);
            }
            catch
            {
                if (received is null || !received.Owns(buffer))
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                throw;
            }
        }
    }

    /// <summary>Decodes the body as UTF-8 (invalid bytes become U+FFFD), or <see langword="null"/> when empty.</summary>
    public string? GetText(int maxBytes = int.MaxValue)
    {
        if (Length == 0)
        {
            return null;
        }

        int length = Math.Min(Length, maxBytes);
        string text = Encoding.UTF8.GetString(_buffer!, 0, length);
        return IsTruncated || length < Length ? text + CutMarker : text;
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    /// <summary>What a read that may be interrupted has received so far (the rented buffer and its length).</summary>
    private sealed class Received
    {
        private byte[]? _buffer;
        private int _length;

        public BoundedBody Body => new(_buffer, _length, truncated: false);

        public void Keep(byte[] buffer, int length)
        {
            // When the read moves to a larger buffer, the old one goes back to the pool: only the newest is kept.
            _buffer = buffer;
            _length = length;
        }

        public bool Owns(byte[] buffer) => ReferenceEquals(_buffer, buffer);
    }
}
