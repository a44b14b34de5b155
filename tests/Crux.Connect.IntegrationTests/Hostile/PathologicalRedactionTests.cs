namespace Crux.Connect.IntegrationTests.Hostile;

/// <summary>
/// Redaction runs in linear time: a secret and a body built to make a backtracking matcher explore every way to read
/// them (runs of backslashes, percent signs, ampersands) still give the typed failure within the call's Timeout.
/// </summary>
public sealed class PathologicalRedactionTests
{
    [Theory]
    [InlineData('\\', 'x')]
    [InlineData('%', 'y')]
    [InlineData('&', 'z')]
    public async Task Login_PathologicalPasswordAnd64KiBBody_FailsTypedWithinTheTimeout(char run, char last)
    {
        string password = new string(run, 48) + last;
        string body = new string(run, 64 * 1024);
        await using var server = RawHttpServer.Answering("HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain", body);
        CruxClient client = Hostile.Client(server.BaseAddress, o =>
        {
            o.ApiToken = null;
            o.Credentials = new CruxCredentials("admin@example.com", password);
            o.Timeout = TimeSpan.FromSeconds(10);
        });

        // The guard only keeps a backtracking matcher from hanging the run; the linear pass takes milliseconds.
        Task<CruxAuthenticationException> failing = Assert.ThrowsAsync<CruxAuthenticationException>(() => client.OrganizationUsers.GetAllPermissionsAsync());
        CruxAuthenticationException exception = await failing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("400", exception.Message, StringComparison.Ordinal);
    }
}
