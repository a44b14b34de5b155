using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crux.Connect.Testing.Tests;

/// <summary>
/// A CruxSimulatorServer must not keep its host process from ending: its Kestrel host may not install the console lifetime,
/// whose Ctrl+C and SIGTERM handlers cancel the process's termination and only stop this inner host, leaving the program
/// running. The signals stay with the application (or the runtime's default, which ends the process).
/// </summary>
public class HostLifetimeTests
{
    [Fact]
    public async Task StartServerAsync_DoesNotInstallTheConsoleLifetime_SoCtrlCAndSigtermEndTheProcess()
    {
        await using CruxSimulatorServer server = await new CruxSimulator().StartServerAsync();

        var app = (WebApplication)typeof(CruxSimulatorServer).GetField("_app", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(server)!;
        IHostLifetime lifetime = app.Services.GetRequiredService<IHostLifetime>();

        Assert.NotEqual("ConsoleLifetime", lifetime.GetType().Name);
        Assert.False(app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
    }
}
