using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Crux.Connect.TestSupport;

/// <summary>
/// A deliberately hostile HTTP/1.1 server on a raw socket (127.0.0.1, free port): it records each request and writes
/// whatever bytes its script gives, including what Kestrel refuses to send (control characters in headers, any status
/// code, a body that stops half-way and stalls). One request per connection (<c>Connection: close</c>).
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RawRequest, Stream, CancellationToken, Task> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentBag<TcpClient> _connections = new();

    private RawHttpServer(Func<RawRequest, Stream, CancellationToken, Task> respond)
    {
        _respond = respond;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>Gets every request received, in arrival order.</summary>
    public ConcurrentQueue<RawRequest> Requests { get; } = new();

    public static RawHttpServer Start(Func<RawRequest, Stream, CancellationToken, Task> respond) => new(respond);

    /// <summary>A server that answers every request with the same head (status line and headers, CRLF-separated) and body.</summary>
    public static RawHttpServer Answering(string statusLineAndHeaders, string body = "") =>
        Start((_, stream, ct) => WriteAsync(stream, statusLineAndHeaders, body, ct));

    /// <summary>Writes a whole answer with a correct Content-Length.</summary>
    public static async Task WriteAsync(Stream stream, string statusLineAndHeaders, string body, CancellationToken cancellationToken)
    {
        byte[] bodyBytes = Encoding.UTF8.GetBytes(body);
        string head = statusLineAndHeaders.TrimEnd('\r', '\n') + $"\r\nContent-Length: {bodyBytes.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head), cancellationToken);
        await stream.WriteAsync(bodyBytes, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (TcpClient connection in _connections)
        {
            connection.Dispose();
        }

        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection = await _listener.AcceptTcpClientAsync(_stop.Token);
            _connections.Add(connection);
            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(TcpClient connection)
    {
        try
        {
            NetworkStream stream = connection.GetStream();
            RawRequest request = await RawRequest.ReadAsync(stream, _stop.Token);
            Requests.Enqueue(request);
            await _respond(request, stream, _stop.Token);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            connection.Dispose();
        }
    }
}
