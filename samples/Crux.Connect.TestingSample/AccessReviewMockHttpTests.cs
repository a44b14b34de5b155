using System.Net;
using RichardSzalay.MockHttp;

namespace Crux.Connect.TestingSample;

/// <summary>
/// With RichardSzalay.MockHttp: exact control of each answer, written in the documented JSON shapes (docs/testing.md, "MockHttp
/// and the documented JSON"). The simulator is the better default; this is for answers it does not give, and for asserting the bytes.
/// </summary>
public sealed class AccessReviewMockHttpTests
{
    private static readonly Guid User = Guid.Parse("5de38a8e-800e-4cba-84c5-ee6c27f304d8");
    private const string ExportOrder = "2a0295b6-dd74-4239-9988-24fcdb1adcea";
    private const string ViewItems = "05a46c58-9d13-4912-9167-7effc2cc7482";

    [Fact]
    public async Task RevokeOrderAccess_UserHoldsExportOrder_SendsTheDocumentedDelete()
    {
        using var mock = new MockHttpMessageHandler();
        mock.Expect(HttpMethod.Get, $"https://api.cruxconnect.com/organizations/users/permissions/{User:D}/")
            .WithHeaders("Authorization", "Token test-token")
            .Respond("application/json", $$$"""
                {"permissions": [
                  {"assigned": true,  "permission": {"uuid": "{{{ExportOrder}}}", "name": "export_order", "display_name": "Export Orders"}},
                  {"assigned": true,  "permission": {"uuid": "{{{ViewItems}}}", "name": "view_items", "display_name": "View Items"}}
                ]}
                """);
        mock.Expect(HttpMethod.Delete, $"https://api.cruxconnect.com/organizations/users/permissions/{User:D}/")
            .WithContent($$"""{"permission_uuids":["{{ExportOrder}}"]}""")
            .Respond(_ =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.NoContent);
                response.Headers.Add("X-Request-Id", "req-42");
                return response;
            });
        var client = new CruxClient(mock.ToHttpClient(), new CruxClientOptions { BaseAddress = CruxEnvironments.Production, ApiToken = "test-token" });

        AccessReviewReport report = await new AccessReview(client.OrganizationUsers).RevokeOrderAccessAsync(User);

        mock.VerifyNoOutstandingExpectation();
        Assert.Equal(["export_order"], report.Removed);
        Assert.Equal("req-42", report.RequestId);
    }

    [Fact]
    public async Task RevokeOrderAccess_ServerAnswersWrongOrganizationType_RaisesTheTypedException()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, "*").Respond(HttpStatusCode.Conflict, "application/json", """{"detail": "Critical: wrong organization type."}""");
        var client = new CruxClient(mock.ToHttpClient(), new CruxClientOptions { BaseAddress = CruxEnvironments.Production, ApiToken = "test-token" });

        var exception = await Assert.ThrowsAsync<CruxOrganizationTypeException>(() => new AccessReview(client.OrganizationUsers).RevokeOrderAccessAsync(User));

        Assert.Equal("Critical: wrong organization type.", exception.Detail);
    }
}
