using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crux.Connect.IntegrationTests.Hostile;

/// <summary>The smaller items: a permission re-created under a new uuid, an unknown name repeated, a scoped token provider.</summary>
public sealed class CatalogAndProviderTests
{
    private static readonly Guid OldUuid = Guid.Parse("11111111-1111-4111-8111-111111111111");
    private static readonly Guid NewUuid = Guid.Parse("22222222-2222-4222-8222-222222222222");

    [Theory]
    [InlineData(422)]
    [InlineData(400)]
    public async Task PermissionReCreatedUnderANewUuid_ByNameCallReadsTheCatalogAgainAndSucceeds(int refusal)
    {
        Guid current = OldUuid;
        int catalogReads = 0;
        var deleted = new List<string>();
        await using LoopbackServer server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Method == "GET")
            {
                Interlocked.Increment(ref catalogReads);
                await Hostile.WriteAsync(context, 200, $$"""[{"uuid":"{{current}}","name":"edit_org_users"}]""");
                return;
            }

            string body = await Hostile.ReadBodyAsync(context);
            lock (deleted)
            {
                deleted.Add(body);
            }

            await Hostile.WriteAsync(context, body.Contains(current.ToString("D"), StringComparison.Ordinal) ? 204 : refusal, """{"permission_uuids":["Unknown permission."]}""");
        });
        CruxClient client = Hostile.Client(server.BaseAddress);
        await client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, [CruxPermissionNames.EditOrgUsers]);

        current = NewUuid;
        RemovePermissionsResult result = await client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, [CruxPermissionNames.EditOrgUsers]);

        Assert.Equal([NewUuid], result.PermissionUuids);
        Assert.Equal(2, catalogReads);
        Assert.Equal(3, deleted.Count);
    }

    [Fact]
    public async Task UnknownNameRepeated_ReadsTheCatalogAgainOnlyOnce()
    {
        int catalogReads = 0;
        await using LoopbackServer server = await LoopbackServer.StartAsync(context =>
        {
            Interlocked.Increment(ref catalogReads);
            return Hostile.WriteAsync(context, 200, $$"""[{"uuid":"{{OldUuid}}","name":"edit_org_users"}]""");
        });
        CruxClient client = Hostile.Client(server.BaseAddress);

        for (int i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<CruxUnknownPermissionException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, ["no_such_permission"]));
        }

        // The first read found it missing; repeating the name costs nothing more. A name not asked for before is worth one
        // more read (it may have been created since).
        Assert.Equal(1, catalogReads);
        await Assert.ThrowsAsync<CruxUnknownPermissionException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, ["another_unknown"]));
        await Assert.ThrowsAsync<CruxUnknownPermissionException>(() => client.OrganizationUsers.RemovePermissionsAsync(Hostile.User, ["another_unknown"]));
        Assert.Equal(2, catalogReads);
    }

    [Fact]
    public async Task ScopedTokenProvider_IsAClearStartUpError()
    {
        var services = new ServiceCollection();
        services.AddScoped<ICruxTokenProvider>(_ => new CruxFixedTokenProvider("scoped-token"));
        services.AddCruxConnect(o => o.BaseAddress = new Uri("https://127.0.0.1/"));
        await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<CruxClientOptions>>().Value);

        Assert.Contains("singleton", exception.Message);
        Assert.Contains("ICruxTokenProvider", exception.Message);
    }
}
