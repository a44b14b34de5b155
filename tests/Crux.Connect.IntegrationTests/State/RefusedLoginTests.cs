using Crux.Connect.IntegrationTests.Hostile;

namespace Crux.Connect.IntegrationTests.State;

/// <summary>Issue 19: only a refusal (400 or 401 on the login) is final for a while; a login that failed otherwise is tried again.</summary>
public sealed class RefusedLoginTests
{
    [Theory]
    [InlineData(400, """{"non_field_errors":["Unable to log in with provided credentials."]}""")]
    [InlineData(401, """{"detail":"Invalid credentials."}""")]
    [InlineData(400, "not json at all")]
    public async Task BulkRun_LoginRefused_OneLoginForEveryUserAndNoChangeSent(int status, string body)
    {
        int logins = 0, changes = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path.Value!.EndsWith("/user-login/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref logins);
                await Hostile.Hostile.WriteAsync(context, status, body);
                return;
            }

            Interlocked.Increment(ref changes);
            await Hostile.Hostile.WriteAsync(context, 204, string.Empty);
        });
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress, o =>
        {
            o.ApiToken = null;
            o.Credentials = new CruxCredentials("someone@example.com", "wrong-Pa55word");
        });
        Guid[] users = Enumerable.Range(1, 120).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();

        CruxBulkResult<RemovePermissionsResult> result = await client.OrganizationUsers.RemovePermissionsFromUsersAsync(
            users, Hostile.Hostile.Permissions, new CruxBulkOptions { MaxConcurrency = 12 });

        Assert.Equal(users.Length, result.Failed);
        Assert.All(result.Failures, f => Assert.IsType<CruxAuthenticationException>(f.Exception));
        Assert.All(result.Failures, f => Assert.DoesNotContain("wrong-Pa55word", f.Exception!.ToString(), StringComparison.Ordinal));
        Assert.Equal(1, Volatile.Read(ref logins));
        Assert.Equal(0, Volatile.Read(ref changes));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(403)]
    public async Task Call_LoginFailedOtherwiseThanRefused_IsTriedAgainByTheNextCall(int status)
    {
        int logins = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path.Value!.EndsWith("/user-login/", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref logins);
                await Hostile.Hostile.WriteAsync(context, status, """{"detail":"nope"}""");
                return;
            }

            await Hostile.Hostile.WriteAsync(context, 204, string.Empty);
        });
        CruxClient client = Hostile.Hostile.Client(server.BaseAddress, o =>
        {
            o.ApiToken = null;
            o.Retry.MaxRetries = 0;
            o.Credentials = new CruxCredentials("someone@example.com", "a-Pa55word");
        });

        await Assert.ThrowsAnyAsync<CruxException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.Hostile.User, Hostile.Hostile.Permissions));
        int first = Volatile.Read(ref logins);
        await Assert.ThrowsAnyAsync<CruxException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.Hostile.User, Hostile.Hostile.Permissions));

        Assert.True(Volatile.Read(ref logins) > first, "a login that failed for another reason than refused credentials is tried again");
    }
}
