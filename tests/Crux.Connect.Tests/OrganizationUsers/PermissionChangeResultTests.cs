using System.Net;
using System.Reflection;
using Crux.Connect.Tests.TestSupport;

namespace Crux.Connect.Tests.OrganizationUsers;

/// <summary>
/// The two change results share one base, only this library can build or derive them, and tests build them with the
/// model factory: the shape that can gain a fact later without breaking a caller.
/// </summary>
public class PermissionChangeResultTests
{
    [Theory]
    [InlineData(typeof(RemovePermissionsResult))]
    [InlineData(typeof(AddPermissionsResult))]
    public void Result_IsSealed_DerivesFromTheBase_AndHasNoPublicConstructor(Type type)
    {
        Assert.True(type.IsSealed);
        Assert.Equal(typeof(PermissionChangeResult), type.BaseType);
        Assert.Empty(type.GetConstructors());
    }

    [Fact]
    public void Base_IsAbstract_AndCannotBeDerivedOutsideTheLibrary()
    {
        Type type = typeof(PermissionChangeResult);

        Assert.True(type.IsAbstract);
        ConstructorInfo[] constructors = type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.NotEmpty(constructors);
        Assert.All(constructors, c => Assert.True(c.IsAssembly || c.IsFamilyAndAssembly, $"{c} is visible outside the library."));
    }

    [Fact]
    public void ModelFactory_CopiesTheUuids_SoChangingTheGivenListChangesNothing()
    {
        var uuids = new List<Guid> { Fixtures.PermissionA, Fixtures.PermissionB, Fixtures.PermissionA };

        RemovePermissionsResult result = CruxModelFactory.RemovePermissionsResult(Fixtures.UserUuid, uuids, HttpStatusCode.OK, "req-1");
        uuids.Clear();

        Assert.Equal(Fixtures.UserUuid, result.UserUuid);
        Assert.Equal([Fixtures.PermissionA, Fixtures.PermissionB, Fixtures.PermissionA], result.PermissionUuids); // as given
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.Equal("req-1", result.RequestId);
    }

    [Fact]
    public void ModelFactory_NoUuids_ReportsNone()
    {
        AddPermissionsResult result = CruxModelFactory.AddPermissionsResult(Fixtures.UserUuid, []);

        Assert.Empty(result.PermissionUuids);
        Assert.Throws<ArgumentOutOfRangeException>(() => result.PermissionUuids[0]);
        Assert.Equal($"AddPermissionsResult {{ UserUuid = {Fixtures.UserUuid}, PermissionUuids = [], StatusCode = 204 }}", result.ToString());
    }

    [Fact]
    public void ModelFactory_UuidsWithEmptyAndDuplicates_ReadsThemBackAsGivenOnEveryRead()
    {
        RemovePermissionsResult result = CruxModelFactory.RemovePermissionsResult(Fixtures.UserUuid, [Guid.Empty, Fixtures.PermissionB, Guid.Empty]);

        Assert.Equal([Guid.Empty, Fixtures.PermissionB, Guid.Empty], result.PermissionUuids);
        Assert.Equal(result.PermissionUuids, result.PermissionUuids); // each read is a new view of the same uuids
        Assert.Equal(Fixtures.PermissionB, result.PermissionUuids[1]);
    }

    [Fact]
    public void ToString_NamesTheResultType()
    {
        PermissionChangeResult removed = CruxModelFactory.RemovePermissionsResult(Fixtures.UserUuid, [Fixtures.PermissionA]);
        PermissionChangeResult added = CruxModelFactory.AddPermissionsResult(Fixtures.UserUuid, [Fixtures.PermissionA], requestId: "r-2");

        Assert.Equal($"RemovePermissionsResult {{ UserUuid = {Fixtures.UserUuid}, PermissionUuids = [{Fixtures.PermissionA}], StatusCode = 204 }}", removed.ToString());
        Assert.Equal($"AddPermissionsResult {{ UserUuid = {Fixtures.UserUuid}, PermissionUuids = [{Fixtures.PermissionA}], StatusCode = 204, RequestId = r-2 }}", added.ToString());
    }

    [Fact]
    public async Task RemoveAndAdd_OnARealClient_ReturnTheirOwnTypeThroughTheBase()
    {
        var handler = new ScriptedHandler()
            .Then(HttpStatusCode.NoContent, configure: r => r.Headers.TryAddWithoutValidation("X-Request-Id", "rm"))
            .Then(HttpStatusCode.NoContent, configure: r => r.Headers.TryAddWithoutValidation("X-Request-Id", "add"));
        var client = Fixtures.Client(handler);

        PermissionChangeResult removed = await client.OrganizationUsers.RemovePermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionA, Fixtures.PermissionA]);
        PermissionChangeResult added = await client.OrganizationUsers.AddPermissionsAsync(Fixtures.UserUuid, [Fixtures.PermissionB]);

        Assert.IsType<RemovePermissionsResult>(removed);
        Assert.Equal([Fixtures.PermissionA], removed.PermissionUuids);
        Assert.Equal("rm", removed.RequestId);
        Assert.IsType<AddPermissionsResult>(added);
        Assert.Equal("add", added.RequestId);
    }
}
