using System.Net;
using System.Net.Sockets;
using Crux.Connect.Internal;

namespace Crux.Connect.Tests.Resilience;

public class TransientFailuresTests
{
    public static TheoryData<Exception, bool> ConnectFailures => new()
    {
        { new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)), true },
        { new HttpRequestException("dns", new SocketException((int)SocketError.HostNotFound)), true },
        // .NET Framework: HttpClientHandler wraps HttpWebRequest's WebException.
        { new HttpRequestException("refused", new WebException("refused", WebExceptionStatus.ConnectFailure)), true },
        { new HttpRequestException("dns", new WebException("dns", WebExceptionStatus.NameResolutionFailure)), true },
        // The request may have reached the server: a login must not be sent twice.
        { new HttpRequestException("reset", new IOException("connection reset")), false },
        { new HttpRequestException("closed", new WebException("closed", WebExceptionStatus.ConnectionClosed)), false },
        { new HttpRequestException("reset", new SocketException((int)SocketError.ConnectionReset)), false },
    };

    [Theory]
    [MemberData(nameof(ConnectFailures))]
    public void IsTransient_NotIdempotentRequest_RetriesOnlyWhenItProvablyNeverReachedTheServer(Exception inner, bool expected)
    {
        var failure = new CruxConnectionException("no answer", inner);

        Assert.Equal(expected, TransientFailures.IsTransient(failure, isIdempotent: false));
        Assert.True(TransientFailures.IsTransient(failure, isIdempotent: true));
    }

    [Theory]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(502, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(400, false)]
    [InlineData(409, false)]
    [InlineData(501, false)]
    public void IsTransient_Status_FollowsTheDocumentedTable(int status, bool expected)
    {
        var failure = new CruxApiException("failed", new CruxResponseDetails((HttpStatusCode)status));

        Assert.Equal(expected, TransientFailures.IsTransient(failure, isIdempotent: true));
        Assert.False(TransientFailures.IsTransient(failure, isIdempotent: false));
    }
}
