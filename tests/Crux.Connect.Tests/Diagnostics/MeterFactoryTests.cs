using System.Diagnostics.Metrics;
using System.Net;
using Crux.Connect.DependencyInjection;
using Crux.Connect.Diagnostics;
using Crux.Connect.Tests.Diagnostics.Support;
using Crux.Connect.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Http;

namespace Crux.Connect.Tests.Diagnostics;

/// <summary>
/// Under <c>AddCruxConnect</c> the <c>Crux.Connect</c> meter comes from the container's <see cref="IMeterFactory"/>, so the
/// application's metrics pipeline owns it; a client built with the public constructor (or a container without a factory)
/// keeps the static meter. Same name, version, instruments and tags either way.
/// </summary>
[Collection(ListenerCollection.Name)]
public sealed class MeterFactoryTests
{
    private const string Duration = "crux.client.request.duration";
    private const string Retries = "crux.client.retries";
    private const string Errors = "crux.client.errors";

    [Fact]
    public async Task AddCruxConnect_WithAddMetrics_RecordsThroughTheFactoryMeterOnly()
    {
        const string host = "meter-factory.crux.test";
        using var everyCruxMeter = new MeasurementRecorder(host);
        using ServiceProvider provider = Build(host, services => services.AddMetrics());
        IMeterFactory factory = provider.GetRequiredService<IMeterFactory>();
        using var collector = new MetricCollector<double>(factory, "Crux.Connect", Duration);

        await provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions);

        CollectedMeasurement<double> measurement = Assert.Single(collector.GetMeasurementSnapshot());
        Assert.Equal(host, measurement.Tags["server.address"]);
        Assert.Equal("RemovePermissions", measurement.Tags["crux.operation"]);
        Assert.Equal("DELETE", measurement.Tags["http.request.method"]);
        Assert.Equal(204, measurement.Tags["http.response.status_code"]);

        Meter meter = collector.Instrument!.Meter;
        Assert.Same(factory, meter.Scope);
        Assert.NotSame(CruxTelemetry.Meter, meter);
        Assert.Equal("Crux.Connect", meter.Name);
        Assert.Equal(CruxTelemetry.Version, meter.Version);
        Assert.Equal("s", collector.Instrument.Unit);

        // Nothing of this call went through the static meter (or any other Crux.Connect meter).
        Measurement seen = Assert.Single(everyCruxMeter.Of(Duration));
        Assert.Same(meter, seen.Instrument.Meter);
    }

    [Fact]
    public async Task AddCruxConnect_WithAddMetrics_FailureAndRetryCountersAreOnTheFactoryMeterToo()
    {
        const string host = "meter-factory-failure.crux.test";
        using var recorder = new MeasurementRecorder(host);
        var handler = new StubHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.NotFound);
        using ServiceProvider provider = Build(host, services => services.AddMetrics(), handler);
        IMeterFactory factory = provider.GetRequiredService<IMeterFactory>();

        await Assert.ThrowsAsync<CruxNotFoundException>(
            () => provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions));

        Measurement retry = Assert.Single(recorder.Of(Retries));
        Measurement error = Assert.Single(recorder.Of(Errors));
        Measurement duration = Assert.Single(recorder.Of(Duration));
        Assert.All(new[] { retry, error, duration }, m => Assert.Same(factory, m.Instrument.Meter.Scope));
        Assert.Equal("503", retry.Tags["error.type"]);
        Assert.Equal("Crux.Connect.CruxNotFoundException", error.Tags["exception.type"]);
        Assert.Equal("404", duration.Tags["error.type"]);
    }

    [Fact]
    public async Task AddCruxConnect_DisposingTheServiceProvider_DisposesTheFactoryMeter()
    {
        const string host = "meter-factory-dispose.crux.test";
        ServiceProvider provider = Build(host, services => services.AddMetrics());
        IMeterFactory factory = provider.GetRequiredService<IMeterFactory>();
        await provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions);

        var published = new List<Instrument>();
        var completed = new List<Instrument>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory) && instrument.Meter.Name == "Crux.Connect")
                {
                    lock (published)
                    {
                        published.Add(instrument);
                    }

                    l.EnableMeasurementEvents(instrument);
                }
            },
            MeasurementsCompleted = (instrument, _) =>
            {
                lock (completed)
                {
                    completed.Add(instrument);
                }
            },
        };
        listener.Start();
        Assert.Equal(new[] { Errors, Duration, Retries }, published.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.Empty(completed);

        await provider.DisposeAsync();

        // A disposed meter completes every instrument's measurements, and its instruments stop being listened to.
        Assert.Equal(published.Select(i => i.Name).Order(StringComparer.Ordinal), completed.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.All(published, i => Assert.False(i.Enabled));
    }

    [Fact]
    public async Task AddCruxConnect_NamedAndUnnamedClients_ShareOneFactoryMeterAndOneInstrumentSet()
    {
        const string host = "meter-factory-named.crux.test";
        using var recorder = new MeasurementRecorder(host);
        var handler = new StubHandler(HttpStatusCode.NoContent);
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        foreach (string? name in new[] { null, "supplier-a", "supplier-b" })
        {
            Action<CruxClientOptions> configure = o =>
            {
                o.ApiToken = Secrets.Token;
                o.BaseAddress = new Uri($"https://{host}/");
            };
            IHttpClientBuilder builder = name is null ? services.AddCruxConnect(configure) : services.AddCruxConnect(name, configure);
            builder.ConfigurePrimaryHttpMessageHandler(() => handler);
        }

        using ServiceProvider provider = services.BuildServiceProvider();
        ICruxClientFactory clients = provider.GetRequiredService<ICruxClientFactory>();
        foreach (string name in new[] { string.Empty, "supplier-a", "supplier-b" })
        {
            await clients.CreateClient(name).OrganizationUsers.RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions);
        }

        IReadOnlyList<Measurement> durations = recorder.Of(Duration);
        Assert.Equal(3, durations.Count);
        Assert.Equal(
            new[] { "(unnamed)", "supplier-a", "supplier-b" },
            durations.Select(m => m.Tags.GetValueOrDefault("crux.client.name") as string ?? "(unnamed)").Order(StringComparer.Ordinal));
        Instrument instrument = Assert.Single(durations.Select(m => m.Instrument).Distinct());
        Assert.Same(provider.GetRequiredService<IMeterFactory>(), instrument.Meter.Scope);
        Assert.Same(provider.GetRequiredService<CruxMetrics>().Duration, instrument);
    }

    [Fact]
    public async Task AddCruxConnect_WithAddMetrics_TheLoginIsMeasuredOnTheFactoryMeterToo()
    {
        const string host = "meter-factory-login.crux.test";
        using var recorder = new MeasurementRecorder(host);
        var server = new RoutingHandler(r => r.Path.EndsWith("/user-login/", StringComparison.Ordinal)
            ? RoutingHandler.Json("""{"auth_token":"t-1"}""")
            : RoutingHandler.Json("[]"));
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddCruxConnect(o =>
        {
            o.Credentials = new CruxCredentials("u", "p");
            o.BaseAddress = new Uri($"https://{host}/");
        }).ConfigurePrimaryHttpMessageHandler(() => server);
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredService<OrganizationUsersClient>().GetAllPermissionsAsync();

        IReadOnlyList<Measurement> durations = recorder.Of(Duration);
        Assert.Equal(new[] { "GetAllPermissions", "Login" }, durations.Select(m => (string)m.Tags["crux.operation"]!).Order(StringComparer.Ordinal));
        Assert.All(durations, m => Assert.Same(provider.GetRequiredService<IMeterFactory>(), m.Instrument.Meter.Scope));
    }

    [Fact]
    public async Task AddCruxConnect_WithoutAMeterFactory_ReportsThroughTheStaticMeter()
    {
        // IHttpClientFactory on .NET 8+ registers a meter factory (AddMetrics) for HttpClient's own metrics; on .NET
        // Framework it does not. Take it, and the handler filter that needs it, out to stand for that case.
        const string host = "meter-static-di.crux.test";
        using var recorder = new MeasurementRecorder(host);
        using ServiceProvider provider = Build(host, services =>
        {
            services.RemoveAll<IMeterFactory>();
            foreach (ServiceDescriptor filter in services.Where(d => d.ServiceType == typeof(IHttpMessageHandlerBuilderFilter)
                && d.ImplementationType?.Name == "MetricsFactoryHttpMessageHandlerFilter").ToArray())
            {
                services.Remove(filter);
            }
        });
        Assert.Null(provider.GetService<IMeterFactory>());

        await provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions);

        Measurement duration = Assert.Single(recorder.Of(Duration));
        Assert.Same(CruxTelemetry.Meter, duration.Instrument.Meter);
        Assert.Null(duration.Instrument.Meter.Scope);
        Assert.Same(CruxMetrics.Shared, provider.GetRequiredService<CruxMetrics>());
    }

    [Fact]
    public async Task PublicConstructor_ReportsThroughTheStaticMeter()
    {
        const string host = "meter-static-ctor.crux.test";
        using var collector = new MetricCollector<double>(CruxTelemetry.Meter, Duration);

        await Scenarios.SucceedAsync(host);

        CollectedMeasurement<double> measurement = Assert.Single(collector.GetMeasurementSnapshot(), m => Equals(m.Tags["server.address"], host));
        Assert.Equal(0.15, measurement.Value, 6);
        Assert.Equal("RemovePermissions", measurement.Tags["crux.operation"]);
        Assert.Same(CruxTelemetry.Meter, collector.Instrument!.Meter);
        Assert.Equal("Crux.Connect", collector.Instrument.Meter.Name);
    }

    [Fact]
    public void MeterRegistration_ChoosesTheFactoryWhenThereIsOne()
    {
        using ServiceProvider withFactory = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using ServiceProvider without = new ServiceCollection().BuildServiceProvider();

        CruxMetrics fromFactory = CruxMeterRegistration.Create(withFactory);

        Assert.Same(withFactory.GetRequiredService<IMeterFactory>(), fromFactory.Meter.Scope);
        Assert.Same(CruxMetrics.Shared, CruxMeterRegistration.Create(without));
        Assert.Same(CruxTelemetry.Meter, CruxMetrics.Shared.Meter);
    }

    private static ServiceProvider Build(string host, Action<IServiceCollection> configureServices, StubHandler? handler = null)
    {
        handler ??= new StubHandler(HttpStatusCode.NoContent);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        services.AddCruxConnect(o =>
        {
            o.ApiToken = Secrets.Token;
            o.BaseAddress = new Uri($"https://{host}/");
            o.Retry.BaseDelay = TimeSpan.Zero;
            o.Retry.MaxDelay = TimeSpan.Zero;
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        configureServices(services);
        return services.BuildServiceProvider();
    }
}
