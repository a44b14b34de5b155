namespace Crux.Connect.Tests.Roles;

/// <summary>Issue 19: a plan read back from JSON that disagrees with itself is refused, naming the user and the field.</summary>
public sealed class PermissionPlanFromJsonTests
{
    private const string U1 = "5b1f3c2e-8a7d-4e21-9c3b-0f6e2d1a4b5c";
    private const string U2 = "6c2f3c2e-8a7d-4e21-9c3b-0f6e2d1a4b5d";
    private const string A = "11111111-1111-4111-8111-111111111111";
    private const string B = "22222222-2222-4222-8222-222222222222";
    private const string C = "33333333-3333-4333-8333-333333333333";

    private static string P(string uuid, string name) => $$"""{"uuid":"{{uuid}}","name":"{{name}}"}""";

    private static string User(string user, string desired, string remove, string add, string keep) =>
        $$"""{"user_uuid":"{{user}}","desired":[{{desired}}],"remove":[{{remove}}],"add":[{{add}}],"keep":[{{keep}}]}""";

    private static string Plan(string users, string failures = "") =>
        $$"""{"version":1,"created_at":"2026-12-06T10:00:00+00:00","users":[{{users}}],"failures":[{{failures}}]}""";

    // U1 holds A and C, should hold A and B: remove C, add B, keep A. U2 holds nothing, should hold C.
    private static readonly string GoodU1 = User(U1, $"{P(A, "view_order")},{P(B, "edit_items")}", P(C, "export_order"), P(B, "edit_items"), P(A, "view_order"));
    private static readonly string GoodU2 = User(U2, P(C, "export_order"), string.Empty, P(C, "export_order"), string.Empty);

    [Fact]
    public void FromJson_ConsistentPlan_ReadsAndRoundTrips()
    {
        PermissionChangePlan plan = PermissionChangePlan.FromJson(Plan($"{GoodU1},{GoodU2}"));

        Assert.Equal(2, plan.Users.Count);
        Assert.Equal(plan.ToJson(), PermissionChangePlan.FromJson(plan.ToJson()).ToJson());
    }

    public static TheoryData<string, string[]> Inconsistent => new()
    {
        // A uuid under a name that is not its name elsewhere in the plan (the review table showed "view_order").
        { Plan($"{GoodU1},{User(U2, P(A, "edit_org_users"), string.Empty, P(A, "edit_org_users"), string.Empty)}"), [U2, "users[1]", "desired", A] },
        { Plan(User(U1, $"{P(A, "view_order")},{P(B, "edit_items")}", P(C, "export_order"), P(B, "edit_items"), P(A, "edit_org_users"))), [U1, "keep", A] },
        // One name under two uuids.
        { Plan($"{GoodU1},{User(U2, P(C, "edit_items"), string.Empty, P(C, "edit_items"), string.Empty)}"), [U2, "desired", "edit_items"] },
        // desired is not keep + add, in each direction.
        { Plan(User(U1, P(A, "view_order"), P(C, "export_order"), P(B, "edit_items"), P(A, "view_order"))), [U1, "desired", "keep", "add"] },
        { Plan(User(U1, $"{P(A, "view_order")},{P(B, "edit_items")}", P(C, "export_order"), string.Empty, P(A, "view_order"))), [U1, "desired"] },
        // remove overlaps desired.
        { Plan(User(U1, $"{P(A, "view_order")},{P(B, "edit_items")}", $"{P(C, "export_order")},{P(B, "edit_items")}", P(B, "edit_items"), P(A, "view_order"))), [U1, "remove", B] },
        // add overlaps keep.
        { Plan(User(U1, $"{P(A, "view_order")},{P(B, "edit_items")}", P(C, "export_order"), $"{P(B, "edit_items")},{P(A, "view_order")}", P(A, "view_order"))), [U1, "add", A] },
        // A uuid twice in one list.
        { Plan(User(U1, $"{P(A, "view_order")},{P(B, "edit_items")},{P(A, "view_order")}", P(C, "export_order"), P(B, "edit_items"), P(A, "view_order"))), [U1, "desired", A] },
        // The same user twice; planned and failed.
        { Plan($"{GoodU1},{GoodU2},{GoodU1}"), [U1, "users[2]", "users[0]"] },
        { Plan(GoodU1, $$"""{"user_uuid":"{{U1}}","error":"Not found."}"""), [U1, "failures[0]"] },
        // A failure without a user.
        { Plan(GoodU1, """{"error":"Not found."}"""), ["failures[0]", "user_uuid"] },
        // A key said twice: the reader would apply the last "remove", not the one shown.
        { Plan(GoodU1).Replace("\"remove\":[", "\"remove\":[],\"remove\":[", StringComparison.Ordinal), ["remove", "twice"] },
        { Plan(GoodU1).Replace("\"users\":[", "\"Users\":[],\"users\":[", StringComparison.Ordinal), ["users", "twice"] },
    };

    [Theory]
    [MemberData(nameof(Inconsistent))]
    public void FromJson_PlanDisagreesWithItself_IsRefusedNamingTheUserAndTheField(string json, string[] named)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => PermissionChangePlan.FromJson(json));

        Assert.Equal("json", exception.ParamName);
        Assert.All(named, n => Assert.Contains(n, exception.Message, StringComparison.OrdinalIgnoreCase));
    }
}
