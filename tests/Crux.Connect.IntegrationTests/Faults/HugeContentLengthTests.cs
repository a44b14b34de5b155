using System.Text;

namespace Crux.Connect.IntegrationTests.Faults;

/// <summary>
/// A Content-Length too large to allocate (or one that overflows when the reader adds the byte that detects a lie) reads
/// the body up to the cap, as any other answer: an error body still gives its detail, a success body still parses.
/// </summary>
public sealed class HugeContentLengthTests
{
    public static TheoryData<string> Lengths => new() { "9223372036854775807", "9223372036854775806", "9223372036854775000", "4294967296", "2147483648" };

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task ErrorAnswer_WithAHugeContentLength_KeepsTheBodyThatArrived(string contentLength)
    {
        await using var server = RawHttpServer.Start((_, stream, ct) => WriteAsync(stream, "HTTP/1.1 400 Bad Request", contentLength, """{"detail":"nope"}""", ct));
        CruxClient client = Client(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CruxBadRequestException>(() => client.OrganizationUsers.RemovePermissionsAsync(Guid.NewGuid(), [Guid.NewGuid()]));

        Assert.Contains("nope", exception.ResponseBody ?? string.Empty, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task SuccessAnswer_WithAHugeContentLength_IsReadUpToTheCap(string contentLength)
    {
        // More than the 4 MiB success cap arrives: the read stops at the cap, and says the answer was too large.
        string body = "[" + string.Join(",", Enumerable.Repeat("""{"uuid":"0e1d2c3b-4a59-4687-9a0b-1c2d3e4f5061","name":"x"}""", 80_000)) + "]";
        await using var server = RawHttpServer.Start((_, stream, ct) => WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json", contentLength, body, ct));
        CruxClient client = Client(server.BaseAddress);

        var exception = await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        Assert.Contains("larger than", exception.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static CruxClient Client(Uri baseAddress)
    {
        var options = new CruxClientOptions { BaseAddress = baseAddress, ApiToken = "token-123" };
        options.Retry.MaxRetries = 0;
        return new CruxClient(new HttpClient(), options);
    }

    private static async Task WriteAsync(Stream stream, string statusAndHeaders, string contentLength, string body, CancellationToken ct)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{statusAndHeaders}\r\nContent-Length: {contentLength}\r\nConnection: close\r\n\r\n"), ct);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(body), ct);
        await stream.FlushAsync(ct);
    }
}
