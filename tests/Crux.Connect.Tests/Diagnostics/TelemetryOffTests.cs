using Crux.Connect.Internal;
using Crux.Connect.Tests.Diagnostics.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crux.Connect.Tests.Diagnostics;

[Collection(ListenerCollection.Name)]
public sealed class TelemetryOffTests
{
    [Fact]
    public void Start_NoLoggerNoListener_ReturnsNullAndAllocatesNothing()
    {
        CruxClientSettings settings = CruxClientSettings.Create(new CruxClientOptions { ApiToken = Secrets.Token }, "options");
        var core = new CruxClientCore(settings, NullLoggerFactory.Instance, TimeProvider.System);
        var request = new CruxRequest("RemovePermissions", HttpMethod.Delete, settings.BaseAddress + "organizations/users/permissions/x/", null);
        Assert.Null(core.Diagnostics.Start(request));

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            _ = core.Diagnostics.Start(request);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
