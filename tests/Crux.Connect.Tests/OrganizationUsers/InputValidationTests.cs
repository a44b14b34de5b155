using System.Net;
using Crux.Connect.Tests.TestSupport;
using RichardSzalay.MockHttp;

namespace Crux.Connect.Tests.OrganizationUsers;

/// <summary>Bad input never reaches the wire: the exception names the parameter and the handler sees nothing.</summary>
public class InputValidationTests
{
    private readonly MockHttpMessageHandler _mock = new();
    private readonly MockedRequest _anyRequest;
    private readonly CruxClient _client;

    public InputValidationTests()
    {
        _anyRequest = _mock.When("*").Respond(HttpStatusCode.NoContent);
        _client = Fixtures.Client(_mock);
    }

    public static TheoryData<string, Func<OrganizationUsersClient, Task>, string, Type> BadCalls => new()
    {
        { "remove: empty user", c => c.RemovePermissionsAsync(Guid.Empty, [Fixtures.PermissionA]), "userUuid", typeof(ArgumentException) },
        { "remove: null list", c => c.RemovePermissionsAsync(Fixtures.UserUuid, null!), "permissionUuids", typeof(ArgumentNullException) },
        { "remove: empty list", c => c.RemovePermissionsAsync(Fixtures.UserUuid, []), "permissionUuids", typeof(ArgumentException) },
        { "remove: empty lazy sequence", c => c.RemovePermissionsAsync(Fixtures.UserUuid, Enumerable.Empty<Guid>().Select(g => g)), "permissionUuids", typeof(ArgumentException) },
        { "remove: Guid.Empty inside", c => c.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA, Guid.Empty]), "permissionUuids", typeof(ArgumentException) },
        { "remove: Guid.Empty inside a long list", c => c.RemovePermissionsAsync(Fixtures.UserUuid, Enumerable.Range(1, 50).Select(i => i == 40 ? Guid.Empty : Guid.NewGuid()).ToList()), "permissionUuids", typeof(ArgumentException) },
        { "add: empty user", c => c.AddPermissionsAsync(Guid.Empty, [Fixtures.PermissionA]), "userUuid", typeof(ArgumentException) },
        { "add: null list", c => c.AddPermissionsAsync(Fixtures.UserUuid, null!), "permissionUuids", typeof(ArgumentNullException) },
        { "add: empty list", c => c.AddPermissionsAsync(Fixtures.UserUuid, new List<Guid>()), "permissionUuids", typeof(ArgumentException) },
        { "add: Guid.Empty inside", c => c.AddPermissionsAsync(Fixtures.UserUuid, [Guid.Empty]), "permissionUuids", typeof(ArgumentException) },
        { "get: empty user", c => c.GetPermissionsAsync(Guid.Empty), "userUuid", typeof(ArgumentException) },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task Operation_BadInput_ThrowsNamingTheParameterAndSendsNothing(string name, Func<OrganizationUsersClient, Task> call, string parameter, Type expected)
    {
        var exception = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(_client.OrganizationUsers));

        Assert.True(expected == exception.GetType(), name);
        Assert.Equal(parameter, exception.ParamName);
        Assert.Equal(0, _mock.GetMatchCount(_anyRequest));
    }

    [Fact]
    public void Operation_BadInput_ThrowsSynchronouslyBeforeAnyTaskIsReturned()
    {
        Assert.Throws<ArgumentException>(() => { _ = _client.OrganizationUsers.RemovePermissionsAsync(Guid.Empty, [Fixtures.PermissionA]); });
        Assert.Equal(0, _mock.GetMatchCount(_anyRequest));
    }

    [Fact]
    public void Operation_GuidEmptyInsideTheList_MessageSaysWhichIndex()
    {
        var exception = Assert.Throws<ArgumentException>(() => { _ = _client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA, Fixtures.PermissionB, Guid.Empty]); });

        Assert.Contains("index 2", exception.Message);
    }
}
