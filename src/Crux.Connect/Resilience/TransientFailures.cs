using System.Net;
using System.Net.Sockets;
using Polly.Timeout;

namespace Crux.Connect.Internal;

/// <summary>
/// The one predicate that says which failures are worth another attempt: 408, 429, 500, 502, 503, 504,
/// connection failures and attempt timeouts. Every other failure is final.
/// </summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception exception, bool isIdempotent) => exception switch
    {
        // A request that is not a set operation (login) is retried only when it provably never reached the server.
        CruxConnectionException connection => isIdempotent || IsConnectFailure(connection.InnerException),
        _ when !isIdempotent => false,
        CruxApiException api => IsTransientStatus((int)api.StatusCode),
        CruxTimeoutException or TimeoutRejectedException => true,
        _ => false,
    };

    public static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    private static bool IsConnectFailure(Exception? exception)
    {
#if NET
        if (exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }
#endif
        return exception?.InnerException switch
        {
            SocketException socket => socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain,

            // .NET Framework's HttpClientHandler wraps HttpWebRequest's failure instead of a SocketException.
            WebException web => web.Status is WebExceptionStatus.ConnectFailure or WebExceptionStatus.NameResolutionFailure,
            _ => false,
        };
    }
}
