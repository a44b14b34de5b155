using System.Net;
using System.Net.Sockets;
using Polly.Timeout;

namespace Crux.Connect.Internal;

/// <summary>
/// The one predicate that says which failures are worth another attempt: 408, 429, 500, 502, 503, 504,
/// connection failures and attempt timeouts. Every other failure is final, and so is every failure of a type that says
/// the call must end: the token source's (<see cref="FinalFailure"/>, <see cref="FinalCancellation"/>), a refused
/// redirect (<see cref="CruxRedirectException"/>), and the SDK's own <see cref="CruxException"/> (a disposed
/// <see cref="HttpClient"/>). A new kind of failure is taught here, and only here (CONTRIBUTING.md, "Adding a failure kind").
/// </summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception exception, bool isIdempotent) => exception switch
    {
        // Final by type, whatever they carry. The token source's failure: a login retried what it could inside itself
        // (a login's own 503 must not be retried again out here), a provider's failure is its own, and a token source
        // that outlived the attempt is not asked again.
        FinalFailure => false,
        TimeoutRejectedException { InnerException: FinalCancellation } => false,

        // The answer did not come from where the request was meant to go: never a retry (nor a success, nor a re-login).
        CruxRedirectException => false,

        // A request that is not a set operation (login) is retried only when it provably never reached the server.
        CruxConnectionException connection => isIdempotent || IsConnectFailure(connection.InnerException),
        _ when !isIdempotent => false,
        CruxApiException api => IsTransientStatus((int)api.StatusCode),
        CruxTimeoutException or TimeoutRejectedException => true,

        // Anything else, the SDK's own CruxException among them (the HttpClient was disposed or gave up: trying again on
        // it cannot help), ends the call.
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
