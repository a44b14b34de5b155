using System.Diagnostics.Metrics;
using Crux.Connect.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Crux.Connect.DependencyInjection;

/// <summary>
/// Chooses the meter of the clients a container builds: one created through the container's <see cref="IMeterFactory"/>
/// when there is one (<c>services.AddMetrics()</c>, the generic host, ASP.NET Core, and <c>AddHttpClient</c> itself on .NET 8
/// and later), so the application's metrics pipeline owns its scope and lifetime; otherwise (.NET Framework without
/// <c>AddMetrics()</c>) the static meter, as for a client built with the public constructor. Registered
/// once per container, so the unnamed client and every named one report through the same instruments.
/// </summary>
internal static class CruxMeterRegistration
{
    public static CruxMetrics Create(IServiceProvider provider) =>
        provider.GetService<IMeterFactory>() is { } factory ? CruxMetrics.Create(factory) : CruxMetrics.Shared;
}
