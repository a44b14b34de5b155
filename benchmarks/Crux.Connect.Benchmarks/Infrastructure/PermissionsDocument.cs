using System.Text.Json;

namespace Crux.Connect.Benchmarks.Infrastructure;

/// <summary>
/// The documented Get User Permissions answer, built once: one entry for each of the 21
/// permission names of API.md, compact JSON as a Django REST service sends it. Two entries omit
/// <c>visibility</c> and <c>grouping</c>, as some documented answers do.
/// </summary>
internal static class PermissionsDocument
{
    private static readonly (string Name, string DisplayName, string Description, string? Visibility, string? Grouping)[] s_permissions =
    [
        ("view_org_users", "View Users", "Ability to see the users in an organization", "BOTH", "ORGUSERS"),
        ("edit_org_users", "Edit Users", "Ability to add, edit and remove users in an organization", "BOTH", "ORGUSERS"),
        ("view_org_subscription_plan", "View Subscription Plan", "Ability to see the subscription plan of an organization", "BOTH", "ORGSUB"),
        ("edit_org_subscription_plan", "Edit Subscription Plan", "Ability to change the subscription plan of an organization", "BOTH", "ORGSUB"),
        ("view_payment_info", "View Payment Info", "Ability to see the payment information of an organization", "BOTH", "ORGPAYMENT"),
        ("edit_payment_info", "Edit Payment Info", "Ability to change the payment information of an organization", "BOTH", "ORGPAYMENT"),
        ("view_billing_statement", "View Billing Statement", "Ability to see the billing statements of an organization", "BOTH", "ORGPAYMENT"),
        ("view_notifications_settings", "View Notification Settings", "Ability to see the notification settings", "BOTH", "NOTIFICATIONS"),
        ("edit_email_notifications_preferences", "Edit Email Notifications", "Ability to change email notification preferences", "BOTH", "NOTIFICATIONS"),
        ("cancel_order", "Cancel Order", "Ability to cancel an order", "BOTH", "ORDERS"),
        ("view_order", "View Order", "Ability to see orders", "BOTH", "ORDERS"),
        ("export_order", "Export Order", "Ability to export orders", "BOTH", "ORDERS"),
        ("view_items", "View Items", "Ability to see items", "BOTH", "ITEMS"),
        ("create_order", "Create Order", "Ability to create an order", "RETAILER", "ORDERS"),
        ("view_inventory_lists", "View Inventory Lists", "Ability to see inventory lists", "RETAILER", "INVENTORY"),
        ("edit_inventory_lists", "Edit Inventory Lists", "Ability to change inventory lists", "RETAILER", "INVENTORY"),
        ("edit_items", "Edit Items", "Ability to change items", "SUPPLIER", "ITEMS"),
        ("add_order_tracking", "Add Order Tracking", "Ability to add tracking to an order", "SUPPLIER", "ORDERS"),
        ("allocate_order", "Allocate Order", "Ability to allocate an order", "SUPPLIER", "ORDERS"),
        ("view_supplier_catalogs", "View Supplier Catalogs", "Ability to see supplier catalogs", null, null),
        ("edit_supplier_catalogs", "Edit Supplier Catalogs", "Ability to change supplier catalogs", null, null),
    ];

    public static int EntryCount => s_permissions.Length;

    /// <summary>The UTF-8 bytes of the answer; never mutated after it is built.</summary>
    public static byte[] Utf8 { get; } = Build();

    private static byte[] Build()
    {
        Guid[] uuids = Wire.PermissionUuids(s_permissions.Length, seed: 21);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("permissions");
            for (int i = 0; i < s_permissions.Length; i++)
            {
                var (name, displayName, description, visibility, grouping) = s_permissions[i];
                writer.WriteStartObject();
                writer.WriteBoolean("assigned", i % 3 != 2);
                writer.WriteStartObject("permission");
                writer.WriteString("uuid", uuids[i]);
                writer.WriteString("name", name);
                writer.WriteString("display_name", displayName);
                writer.WriteString("description", description);
                if (visibility is not null)
                {
                    writer.WriteString("visibility", visibility);
                }

                if (grouping is not null)
                {
                    writer.WriteString("grouping", grouping);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
