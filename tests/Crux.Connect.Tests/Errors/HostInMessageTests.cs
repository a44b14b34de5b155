using System.Net;
using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests.Errors;

/// <summary>A failure says where the request went: a production token sent to the default Sandbox must not read as a bare "Invalid token".</summary>
public class HostInMessageTests
{
    [Fact]
    public async Task Failure_AgainstTheDefaultSandbox_NamesTheHostAndSaysItIsTheSandbox()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.Unauthorized, """{"detail":"Invalid token."}""");
        CruxClient client = Fixtures.Client(handler);

        var exception = await Assert.ThrowsAsync<CruxAuthenticationException>(() => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.StartsWith(
            "Crux Connect answered 401 (Unauthorized) to RemovePermissions DELETE /organizations/users/permissions/5de38a8e-800e-4cba-84c5-ee6c27f304d8/ at api-sandbox.cruxconnect.com (the Sandbox): Invalid token.",
            exception.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failure_AgainstProduction_NamesTheHostOnly()
    {
        var handler = new ScriptedHandler().Then(HttpStatusCode.NotFound, """{"detail":"Not found."}""");
        CruxClient client = Fixtures.Client(handler, configure: o => o.BaseAddress = CruxEnvironments.Production);

        var exception = await Assert.ThrowsAsync<CruxNotFoundException>(() => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.Contains("/ at api.cruxconnect.com: Not found.", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sandbox", exception.Message, StringComparison.Ordinal);
    }
}
