using System.Net;
using System.Net.Sockets;
using System.Text;
using Crux.Connect.Diagnostics;
using Crux.Connect.Internal;

namespace Crux.Connect.Tests.Errors;

/// <summary>
/// The redacted copy of a transport failure, on every build (the netstandard2.0 one has no HttpRequestError): same types,
/// messages redacted and escaped, the facts the retry rule reads kept, the original never reachable.
/// </summary>
public class TransportFailuresTests
{
    private const string Secret = "tok+en/5ecret+Value/0123";

    public static TheoryData<string> Echoes => new()
    {
        $"Received an invalid header line: 'Authorization: Token {Secret}'.",
        $"Received an invalid header name: '{BitConverter.ToString(Encoding.UTF8.GetBytes("Token " + Secret))}'.",
        $"Received chunk header length could not be parsed: '{Convert.ToBase64String(Encoding.UTF8.GetBytes("Token " + Secret))}'.",
        $"Received an invalid status line: 'HTTP/1.1 {Secret.ToUpperInvariant()}\r\nX-Forged: 1'.",
    };

    [Theory]
    [MemberData(nameof(Echoes))]
    public void Redacted_KeepsTypesAndFactsAndDropsTheSecret(string echo)
    {
        var socket = new SocketException((int)SocketError.ConnectionReset);
#if CRUX_NETSTANDARD_UNDER_TEST
        var original = new HttpRequestException(echo, new IOException(echo, socket));
#else
        var original = new HttpRequestException(HttpRequestError.InvalidResponse, echo, new HttpIOException(HttpRequestError.ResponseEnded, echo, socket), HttpStatusCode.BadGateway);
#endif
        original.Data["echo"] = echo;

        Exception copy = TransportFailures.Redacted(original, new SecretRedactor(Secret))!;

        var http = Assert.IsType<HttpRequestException>(copy);
        Assert.NotSame(original, copy);
        Assert.IsAssignableFrom<IOException>(copy.InnerException);
        Assert.Same(socket, copy.InnerException!.InnerException);
        Assert.Contains("***", copy.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', copy.ToString());
        Assert.Empty(copy.Data);
        for (Exception? e = copy; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(Secret, e.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("6F-6B-2B-65-6E", e.ToString(), StringComparison.Ordinal);
        }
#if !CRUX_NETSTANDARD_UNDER_TEST
        Assert.Equal(HttpRequestError.InvalidResponse, http.HttpRequestError);
        Assert.Equal(HttpStatusCode.BadGateway, http.StatusCode);
        Assert.Equal(HttpRequestError.ResponseEnded, Assert.IsType<HttpIOException>(copy.InnerException).HttpRequestError);
#else
        Assert.NotNull(http);
#endif
    }
}
