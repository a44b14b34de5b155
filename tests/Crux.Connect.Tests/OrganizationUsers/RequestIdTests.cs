using System.Net;
using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests.OrganizationUsers;

/// <summary>Success results carry the server's request id, read from the same headers as a failure's.</summary>
public class RequestIdTests
{
    [Theory]
    [InlineData(HttpStatusCode.NoContent, "X-Request-Id")]
    [InlineData(HttpStatusCode.OK, "X-Correlation-Id")]
    [InlineData(HttpStatusCode.Accepted, "Request-Id")]
    public async Task RemoveAndAdd_ServerSendsARequestId_TheResultCarriesIt(HttpStatusCode status, string header)
    {
        var handler = new ScriptedHandler()
            .Then(status, status == HttpStatusCode.NoContent ? null : "{}", r => r.Headers.Add(header, "req-remove"))
            .Then(status, status == HttpStatusCode.NoContent ? null : "{}", r => r.Headers.Add(header, "req-add"));
        CruxClient client = Fixtures.Client(handler);

        RemovePermissionsResult removed = await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);
        AddPermissionsResult added = await client.OrganizationUsers.AddPermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);

        Assert.Equal("req-remove", removed.RequestId);
        Assert.Equal("req-add", added.RequestId);
        Assert.Contains("RequestId = req-remove", removed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_NoRequestIdHeader_IsNull()
    {
        CruxClient client = Fixtures.Client(new ScriptedHandler().Then(HttpStatusCode.NoContent));

        RemovePermissionsResult result = await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);

        Assert.Null(result.RequestId);
        Assert.DoesNotContain("RequestId", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_ServerEchoesTheTokenAsItsRequestId_IsRedactedAndBounded()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.NoContent, null, r => r.Headers.Add("X-Request-Id", "id-" + Fixtures.Token))
            .Then(HttpStatusCode.NoContent, null, r => r.Headers.Add("X-Request-Id", new string('x', 5000)));
        CruxClient client = Fixtures.Client(handler);

        RemovePermissionsResult echoed = await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);
        RemovePermissionsResult huge = await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]);

        Assert.Equal("id-***", echoed.RequestId);
        Assert.Equal(new string('x', 200) + "…", huge.RequestId); // cut at 200 characters, and marked as cut
    }

    [Fact]
    public async Task Bulk_EachOutcomeCarriesItsOwnRequestId()
    {
        int next = 0;
        var server = new RoutingHandler(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.NoContent);
            response.Headers.Add("X-Request-Id", "req-" + Interlocked.Increment(ref next));
            return response;
        });
        OrganizationUsersClient users = Fixtures.Client(server).OrganizationUsers;

        CruxBulkResult<RemovePermissionsResult> result = await users.RemovePermissionsFromUsersAsync(
            [Guid.NewGuid(), Guid.NewGuid()], [Fixtures.PermissionA], new CruxBulkOptions { MaxConcurrency = 1 });

        Assert.Equal(["req-1", "req-2"], result.Outcomes.Select(o => o.Result!.RequestId).Order());
    }

    [Fact]
    public void ModelFactory_ForMocks_TakesARequestIdOrNone()
    {
        RemovePermissionsResult old = CruxModelFactory.RemovePermissionsResult(Fixtures.UserUuid, [Fixtures.PermissionA]);
        AddPermissionsResult withId = CruxModelFactory.AddPermissionsResult(Fixtures.UserUuid, [Fixtures.PermissionA], HttpStatusCode.NoContent, "req-9");

        Assert.Null(old.RequestId);
        Assert.Equal(HttpStatusCode.NoContent, old.StatusCode);
        Assert.Equal("req-9", withId.RequestId);
        Assert.Equal("permissionUuids", Assert.Throws<ArgumentNullException>(() => CruxModelFactory.AddPermissionsResult(Fixtures.UserUuid, null!, HttpStatusCode.NoContent, "req-9")).ParamName);
    }
}
