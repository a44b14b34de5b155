using System.Diagnostics;
using System.Net;
using Crux.Connect.Tests.Diagnostics.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Crux.Connect.Tests.Diagnostics;

[Collection(ListenerCollection.Name)]
public sealed class CruxActivityTests
{
    [Fact]
    public async Task RemovePermissions_Success_RecordsOneClientActivityWithHttpTags()
    {
        const string host = "activity-success.crux.test";
        using var recorder = new ActivityRecorder(host);

        await Scenarios.SucceedAsync(host);

        Activity activity = Assert.Single(recorder.Stopped);
        Assert.Equal("Crux.Connect", activity.Source.Name);
        Assert.False(string.IsNullOrEmpty(activity.Source.Version));
        Assert.Equal("RemovePermissions", activity.OperationName);
        Assert.Equal(ActivityKind.Internal, activity.Kind); // the logical operation; System.Net.Http's own span is the Client one
        Assert.Equal(ActivityStatusCode.Ok, activity.Status);
        Assert.Equal("RemovePermissions", activity.GetTagItem("crux.operation"));
        Assert.Equal("DELETE", activity.GetTagItem("http.request.method"));
        Assert.Equal(host, activity.GetTagItem("server.address"));
        Assert.Equal(443, activity.GetTagItem("server.port"));
        Assert.Equal($"https://{host}{Scenarios.Path}", activity.GetTagItem("url.full"));
        Assert.Equal(2, activity.GetTagItem("crux.permission_count"));
        Assert.Equal(204, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(1, activity.GetTagItem("crux.attempt_count"));
        Assert.Null(activity.GetTagItem("error.type"));
        ActivityEvent attempt = Assert.Single(activity.Events);
        Assert.Equal("crux.attempt", attempt.Name);
        Assert.Contains(attempt.Tags, t => t.Key == "http.response.status_code" && Equals(t.Value, 204));
        AssertNoToken(activity);
    }

    [Fact]
    public async Task RemovePermissions_RetriedSuccess_RecordsAttemptAndRetryEvents()
    {
        const string host = "activity-retried.crux.test";
        using var recorder = new ActivityRecorder(host);

        await Scenarios.SucceedAfterRetryAsync(host);

        Activity activity = Assert.Single(recorder.Stopped);
        Assert.Equal(ActivityStatusCode.Ok, activity.Status);
        Assert.Equal(204, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(2, activity.GetTagItem("crux.attempt_count"));
        Assert.Null(activity.GetTagItem("error.type"));
        Assert.Equal(new[] { "crux.attempt", "crux.retry", "crux.attempt" }, activity.Events.Select(e => e.Name));
        ActivityEvent retry = activity.Events.ElementAt(1);
        Assert.Contains(retry.Tags, t => t.Key == "error.type" && Equals(t.Value, "503"));
        Assert.Contains(retry.Tags, t => t.Key == "crux.retry.delay" && Equals(t.Value, 2.0));
        Assert.Contains(retry.Tags, t => t.Key == "crux.attempt" && Equals(t.Value, 1));
        Assert.Contains(activity.Events.First().Tags, t => t.Key == "http.response.status_code" && Equals(t.Value, 503));
        AssertNoToken(activity);
    }

    [Fact]
    public async Task RemovePermissions_NotFound_RecordsErrorStatusAndErrorType()
    {
        const string host = "activity-failure.crux.test";
        using var recorder = new ActivityRecorder(host);

        await Scenarios.FailAsync(host);

        Activity activity = Assert.Single(recorder.Stopped);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("Crux.Connect.CruxNotFoundException", activity.StatusDescription);
        Assert.Equal("404", activity.GetTagItem("error.type"));
        Assert.Equal(404, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(1, activity.GetTagItem("crux.attempt_count"));
        AssertNoToken(activity);
    }

    [Fact]
    public async Task GetAllPermissions_ConnectionFailure_TagsExceptionTypeAsErrorType()
    {
        const string host = "activity-connection.crux.test";
        using var recorder = new ActivityRecorder(host);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var handler = new StubHandler((_, _, _) => throw new HttpRequestException("Connection refused"));
        CruxClient client = new(
            new HttpClient(handler),
            new CruxClientOptions { ApiToken = Secrets.Token, BaseAddress = new Uri($"https://{host}/"), Retry = { MaxRetries = 0 } },
            null,
            time);

        await Assert.ThrowsAsync<CruxConnectionException>(() => client.OrganizationUsers.GetAllPermissionsAsync());

        Activity activity = Assert.Single(recorder.Stopped);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("Crux.Connect.CruxConnectionException", activity.GetTagItem("error.type"));
        Assert.Null(activity.GetTagItem("http.response.status_code"));
        Assert.Null(activity.GetTagItem("crux.permission_count"));
        Assert.Equal("GET", activity.GetTagItem("http.request.method"));
        AssertNoToken(activity);
    }

    [Fact]
    public async Task AddCruxConnect_Named_TagsItsActivitiesWithTheClientNameAndTheUnnamedWithNone()
    {
        const string host = "activity-named.crux.test";
        using var recorder = new ActivityRecorder(host);
        var handler = new StubHandler(HttpStatusCode.NoContent);
        var services = new ServiceCollection();
        services.AddCruxConnect(o =>
        {
            o.ApiToken = Secrets.Token;
            o.BaseAddress = new Uri($"https://{host}/");
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddCruxConnect("supplier-a", o =>
        {
            o.ApiToken = Secrets.Token;
            o.BaseAddress = new Uri($"https://{host}/");
        }).ConfigurePrimaryHttpMessageHandler(() => handler);
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.GetRequiredKeyedService<OrganizationUsersClient>("supplier-a").RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions);
        await provider.GetRequiredService<OrganizationUsersClient>().RemovePermissionsAsync(Scenarios.User, Scenarios.Permissions);

        Assert.Equal(["supplier-a", null], recorder.Stopped.Select(a => a.GetTagItem("crux.client.name")));
    }

    private static void AssertNoToken(Activity activity)
    {
        var texts = new List<string?> { activity.OperationName, activity.DisplayName, activity.StatusDescription };
        texts.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
        texts.AddRange(activity.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}")));
        texts.AddRange(activity.Baggage.Select(b => $"{b.Key}={b.Value}"));
        Assert.All(texts, text => Assert.DoesNotContain(Secrets.Token, text ?? string.Empty, StringComparison.Ordinal));
    }
}
