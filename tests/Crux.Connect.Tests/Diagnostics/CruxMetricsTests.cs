using Crux.Connect.Tests.Diagnostics.Support;

namespace Crux.Connect.Tests.Diagnostics;

[Collection(ListenerCollection.Name)]
public sealed class CruxMetricsTests
{
    private const string Duration = "crux.client.request.duration";
    private const string Retries = "crux.client.retries";
    private const string Errors = "crux.client.errors";

    [Fact]
    public async Task RemovePermissions_Success_RecordsDurationInSecondsTaggedByOperationAndStatus()
    {
        const string host = "metrics-success.crux.test";
        using var recorder = new MeasurementRecorder(host);

        await Scenarios.SucceedAsync(host);

        Measurement duration = Assert.Single(recorder.Of(Duration));
        Assert.Equal("s", duration.Instrument.Unit);
        Assert.Equal("Crux.Connect", duration.Instrument.Meter.Name);
        Assert.False(string.IsNullOrEmpty(duration.Instrument.Meter.Version));
        Assert.Equal(0.15, duration.Value, 6);
        Assert.Equal("RemovePermissions", duration.Tags["crux.operation"]);
        Assert.Equal("DELETE", duration.Tags["http.request.method"]);
        Assert.Equal(443, duration.Tags["server.port"]);
        Assert.Equal(204, duration.Tags["http.response.status_code"]);
        Assert.False(duration.Tags.ContainsKey("error.type"));
        Assert.Empty(recorder.Of(Retries));
        Assert.Empty(recorder.Of(Errors));
        AssertNoToken(recorder);
    }

    [Fact]
    public async Task RemovePermissions_RetriedSuccess_CountsTheRetryAndTimesTheWholeCall()
    {
        const string host = "metrics-retried.crux.test";
        using var recorder = new MeasurementRecorder(host);

        await Scenarios.SucceedAfterRetryAsync(host);

        Measurement retry = Assert.Single(recorder.Of(Retries));
        Assert.Equal(1, retry.Value);
        Assert.Equal("{retry}", retry.Instrument.Unit);
        Assert.Equal("RemovePermissions", retry.Tags["crux.operation"]);
        Assert.Equal("503", retry.Tags["error.type"]);

        // Two attempts of 150 ms and the 2 s the server asked for.
        Measurement duration = Assert.Single(recorder.Of(Duration));
        Assert.Equal(2.3, duration.Value, 6);
        Assert.Equal(204, duration.Tags["http.response.status_code"]);
        Assert.Empty(recorder.Of(Errors));
        AssertNoToken(recorder);
    }

    [Fact]
    public async Task RemovePermissions_NotFound_CountsTheErrorByExceptionType()
    {
        const string host = "metrics-failure.crux.test";
        using var recorder = new MeasurementRecorder(host);

        await Scenarios.FailAsync(host);

        Measurement error = Assert.Single(recorder.Of(Errors));
        Assert.Equal(1, error.Value);
        Assert.Equal("{error}", error.Instrument.Unit);
        Assert.Equal("Crux.Connect.CruxNotFoundException", error.Tags["exception.type"]);
        Assert.Equal(404, error.Tags["http.response.status_code"]);
        Assert.Equal("RemovePermissions", error.Tags["crux.operation"]);

        Measurement duration = Assert.Single(recorder.Of(Duration));
        Assert.Equal(0.15, duration.Value, 6);
        Assert.Equal("404", duration.Tags["error.type"]);
        Assert.Equal(404, duration.Tags["http.response.status_code"]);
        Assert.Empty(recorder.Of(Retries));
        AssertNoToken(recorder);
    }

    private static void AssertNoToken(MeasurementRecorder recorder)
    {
        foreach (Measurement measurement in recorder.Of(Duration).Concat(recorder.Of(Retries)).Concat(recorder.Of(Errors)))
        {
            Assert.All(measurement.Tags, tag => Assert.DoesNotContain(Secrets.Token, $"{tag.Key}={tag.Value}", StringComparison.Ordinal));
        }
    }
}
