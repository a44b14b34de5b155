using System.ComponentModel;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Crux.Connect.Diagnostics;

namespace Crux.Connect.Internal;

/// <summary>
/// The message of a transport failure is server text: .NET quotes the bytes it could not parse (an invalid status line,
/// header line or header name, hex-dumped or not, a bad chunk size, a trailer), and a hostile server puts the
/// <c>Authorization</c> header or the login body there. This is the one place such an exception becomes something a
/// user can read: its message redacted and control-escaped, and the exception chain replaced by redacted copies that keep
/// each type and its facts (<c>HttpRequestError</c>, <c>StatusCode</c>, the socket error), never the original text.
/// </summary>
internal static class TransportFailures
{
    private const int MaxMessage = 512;

    /// <summary>The failure's message, fit to put in an exception message or a log line.</summary>
    public static string Describe(Exception exception, SecretRedactor redactor) => Safe(exception.Message, redactor);

    /// <summary>Composed text that holds server text: redacted as a whole (fragments joined may rebuild a secret), then escaped.</summary>
    public static string Safe(string text, SecretRedactor redactor) => ServerText.Shorten(redactor.Redact(text)!, MaxMessage);

    /// <summary>A copy of the exception chain with every message redacted; types and facts kept, the original left behind.</summary>
    public static Exception? Redacted(Exception? exception, SecretRedactor redactor)
    {
        switch (exception)
        {
            case null:
                return null;

            // The operating system's words about the socket, and cancellation or timeout: no server bytes in them.
            case SocketException or Win32Exception or OperationCanceledException or TimeoutException:
                return exception;
        }

        string message = Describe(exception, redactor);
        Exception? inner = Redacted(exception.InnerException, redactor);
        return exception switch
        {
#if NET
            HttpRequestException http => new HttpRequestException(http.HttpRequestError, message, inner, http.StatusCode),
            HttpIOException io => new HttpIOException(io.HttpRequestError, message, inner),
#else
            HttpRequestException => new HttpRequestException(message, inner),
#endif
            IOException => new IOException(message, inner),
            AuthenticationException => new AuthenticationException(message, inner),

            // .NET Framework's handler: keep the status the retry rule reads, leave the response (and its body) out.
#pragma warning disable SYSLIB0014 // WebException is what .NET Framework's HttpClientHandler wraps; it is only copied here.
            WebException web => new WebException(message, inner, web.Status, response: null),
#pragma warning restore SYSLIB0014
            _ => new IOException($"{exception.GetType().FullName}: {message}", inner),
        };
    }
}
