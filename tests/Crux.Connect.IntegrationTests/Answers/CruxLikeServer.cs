using System.Text;
using System.Text.Json;

namespace Crux.Connect.IntegrationTests.Answers;

/// <summary>
/// A raw-socket Crux Connect: the catalog and a user's read as given, and every DELETE or PATCH answered with the
/// given head and body (a WAF page, an error shape, or Crux's own answer).
/// </summary>
internal static class CruxLikeServer
{
    public static readonly Guid ViewOrder = Guid.Parse("11111111-1111-4111-8111-111111111111");
    public static readonly Guid EditItems = Guid.Parse("22222222-2222-4222-8222-222222222222");
    public static readonly Guid ExportOrder = Guid.Parse("33333333-3333-4333-8333-333333333333");

    public static string Permission(Guid uuid, string name) =>
        $$"""{"uuid":"{{uuid:D}}","name":"{{name}}","display_name":"{{name}}","description":"","visibility":"BOTH","grouping":"ORDERS"}""";

    public static string Catalog => $"[{Permission(ViewOrder, "view_order")},{Permission(EditItems, "edit_items")},{Permission(ExportOrder, "export_order")}]";

    /// <summary>The user holds view_order and lacks the other two.</summary>
    public static string UserRead =>
        $$"""{"permissions":[{"assigned":true,"permission":{{Permission(ViewOrder, "view_order")}}},{"assigned":false,"permission":{{Permission(EditItems, "edit_items")}}},{"assigned":false,"permission":{{Permission(ExportOrder, "export_order")}}}]}""";

    public static RawHttpServer Start(int changeStatus, string? changeContentType, string changeBody, string? userRead = null, string? catalog = null) =>
        RawHttpServer.Start((request, stream, ct) =>
        {
            if (request.Method == "GET")
            {
                string body = request.Target.Contains("all_permissions", StringComparison.Ordinal) ? catalog ?? Catalog : userRead ?? UserRead;
                return RawHttpServer.WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json", body, ct);
            }

            string head = $"HTTP/1.1 {changeStatus} Whatever" + (changeContentType is null ? string.Empty : $"\r\nContent-Type: {changeContentType}");
            return RawHttpServer.WriteAsync(stream, head, changeBody, ct);
        });

    public static int Changes(RawHttpServer server) => server.Requests.Count(r => r.Method is "DELETE" or "PATCH");
}
