using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Crux.Connect.Tests.Resilience;

/// <summary>
/// A public call that sends several requests (by name, a set, a plan) shares one deadline among them through an
/// <see cref="AsyncLocal{T}"/>. Regression: entered from a method that was not async, that deadline outlived the call and
/// every later call of the caller ran under it, so once it passed they all timed out at once.
/// </summary>
public sealed class SharedDeadlineScopeTests
{
    private const string ViewOrgUsers = "view_org_users";
    private static readonly Guid ViewOrgUsersUuid = Guid.Parse("5b7906fd-23dd-4fe1-8e50-778819d145ad");
    private static readonly Guid EditOrgUsersUuid = Guid.Parse("2a0295b6-dd74-4239-9988-24fcdb1adcea");

    public static TheoryData<string> Calls() =>
    [
        "SetPermissionsAsync(uuids)",
        "SetPermissionsAsync(names)",
        "PlanPermissionChangesAsync(uuids)",
        "PlanPermissionChangesAsync(names)",
        "PlanPermissionChangesAsync(many uuids)",
        "ApplyPermissionChangesAsync(plan)",
        "RemovePermissionsAsync(names)",
        "AddPermissionsAsync(names)",
        "RemovePermissionsFromUsersAsync(names)",
    ];

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task ACallThatSharesADeadline_LeavesNoneBehind_ForTheCallsAfterIt(string call)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var server = new Server(time);
        var client = new CruxClient(new HttpClient(server), new CruxClientOptions
        {
            ApiToken = "deadline-scope-token",
            BaseAddress = new Uri("https://crux.example/"),
            Timeout = TimeSpan.FromSeconds(10),
            AttemptTimeout = TimeSpan.FromSeconds(5),
        }, null, time);
        OrganizationUsersClient users = client.OrganizationUsers;
        Guid user = Guid.NewGuid();

        await Run(users, call, user);
        time.Advance(TimeSpan.FromSeconds(30)); // long past the 10 s Timeout of the call above

        // A later call whose server takes 1 s: well within its own 5 s attempt, but not within a deadline left behind.
        server.AnswerAfterOneSecond = true;
        Task<RemovePermissionsResult> after = users.RemovePermissionsAsync(user, [EditOrgUsersUuid]);
        await server.Answering.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NoContent, (await after).StatusCode);
    }

    // Not async, on purpose: an AsyncLocal a call leaks must reach the test method, as it would reach a caller's code.
    private static Task Run(OrganizationUsersClient users, string call, Guid user) => call switch
    {
        "SetPermissionsAsync(uuids)" => users.SetPermissionsAsync(user, [ViewOrgUsersUuid]),
        "SetPermissionsAsync(names)" => users.SetPermissionsAsync(user, [ViewOrgUsers]),
        "PlanPermissionChangesAsync(uuids)" => users.PlanPermissionChangesAsync(user, [ViewOrgUsersUuid]),
        "PlanPermissionChangesAsync(names)" => users.PlanPermissionChangesAsync(user, [ViewOrgUsers]),
        "PlanPermissionChangesAsync(many uuids)" => users.PlanPermissionChangesAsync(new Dictionary<Guid, IEnumerable<Guid>> { [user] = [ViewOrgUsersUuid] }),
        "ApplyPermissionChangesAsync(plan)" => users.ApplyPermissionChangesAsync(new PermissionChangePlan(
            [new UserPermissionPlan(user, [new Permission(ViewOrgUsersUuid, ViewOrgUsers, null, null, "BOTH", null)], [], [], [])], [], DateTimeOffset.UnixEpoch)),
        "RemovePermissionsAsync(names)" => users.RemovePermissionsAsync(user, [ViewOrgUsers]),
        "AddPermissionsAsync(names)" => users.AddPermissionsAsync(user, [ViewOrgUsers]),
        "RemovePermissionsFromUsersAsync(names)" => users.RemovePermissionsFromUsersAsync([user], [ViewOrgUsers]),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call, "unknown call"),
    };

    /// <summary>The catalog, a user holding edit_org_users (view_org_users available), and 204 to every change.</summary>
    private sealed class Server(TimeProvider time) : HttpMessageHandler
    {
        private const string Catalog = """
            [{"uuid":"5b7906fd-23dd-4fe1-8e50-778819d145ad","name":"view_org_users","display_name":"View Users","description":"x","visibility":"BOTH"},
             {"uuid":"2a0295b6-dd74-4239-9988-24fcdb1adcea","name":"edit_org_users","display_name":"Edit Users","description":"y","visibility":"BOTH"}]
            """;

        private const string Held = """
            {"permissions":[{"assigned":true,"permission":{"uuid":"2a0295b6-dd74-4239-9988-24fcdb1adcea","name":"edit_org_users"}},
                            {"assigned":false,"permission":{"uuid":"5b7906fd-23dd-4fe1-8e50-778819d145ad","name":"view_org_users"}}]}
            """;

        public bool AnswerAfterOneSecond { get; set; }

        public TaskCompletionSource Answering { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (AnswerAfterOneSecond)
            {
                Answering.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            }

            bool isCatalog = request.RequestUri!.AbsolutePath.EndsWith("/all_permissions/", StringComparison.Ordinal);
            HttpResponseMessage response = request.Method == HttpMethod.Get
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(isCatalog ? Catalog : Held, Encoding.UTF8, "application/json") }
                : new HttpResponseMessage(HttpStatusCode.NoContent);
            response.RequestMessage = request;
            return response;
        }
    }
}
