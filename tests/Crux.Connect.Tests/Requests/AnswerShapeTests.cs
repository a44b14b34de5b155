using System.Net;
using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests.Requests;

/// <summary>
/// Issue 19, on every shipped build (netstandard2.0 included, where System.Text.Json has no AllowDuplicateProperties):
/// a key said twice is refused, and a change's answer must be Crux's.
/// </summary>
public sealed class AnswerShapeTests
{
    private const string Permission = """{"uuid":"2a0295b6-dd74-4239-9988-24fcdb1adcea","name":"view_order"}""";

    [Theory]
    [InlineData("""{"permissions":[{"assigned":true,"assigned":false,"permission":PERMISSION}]}""")]
    [InlineData("""{"permissions":[{"assigned":false,"permission":PERMISSION,"ASSIGNED":true}]}""")]
    [InlineData("""{"permissions":[{"assigned":true,"permission":PERMISSION}],"permissions":[]}""")]
    [InlineData("""{"permissions":[{"assigned":true,"permission":{"uuid":"2a0295b6-dd74-4239-9988-24fcdb1adcea","name":"view_order","\u006eame":"edit_items"}}]}""")]
    public async Task GetPermissionsAsync_KeySaidTwice_RaisesCruxInvalidResponseException(string body)
    {
        var client = Fixtures.Client(new ScriptedHandler().Then(HttpStatusCode.OK, body.Replace("PERMISSION", Permission, StringComparison.Ordinal)));

        var exception = await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.GetPermissionsAsync(Fixtures.UserUuid));

        Assert.Contains("twice", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "<html><title>Request Rejected</title></html>", "text/html")]
    [InlineData(HttpStatusCode.Created, "[]", "application/json")]
    [InlineData(HttpStatusCode.Accepted, """{"detail":"Blocked."}""", "application/json")]
    [InlineData(HttpStatusCode.OK, """{"a":1,"a":2}""", "application/json")]
    public async Task RemovePermissionsAsync_SuccessThatIsNotCrux_RaisesCruxInvalidResponseException(HttpStatusCode status, string body, string contentType)
    {
        var client = Fixtures.Client(new ScriptedHandler().Then((_, _) => Task.FromResult(ScriptedHandler.Response(status, body, contentType))));

        var exception = await Assert.ThrowsAsync<CruxInvalidResponseException>(() => client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA]));

        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(body, exception.ResponseBody);
    }
}
