namespace Crux.Connect.Testing.Internal;

/// <summary>The documented permission names (API.md), with the descriptive fields the docs leave to the service.</summary>
internal static class PermissionCatalog
{
    private const string Both = SimulatedPermission.BothVisibility;
    private const string Retailer = SimulatedPermission.RetailerVisibility;
    private const string Supplier = SimulatedPermission.SupplierVisibility;

    internal static readonly (string Name, string DisplayName, string Description, string Visibility, string Grouping)[] Definitions =
    [
        ("view_org_users", "View Users", "Ability to see the users in an organization", Both, "ORGUSERS"),
        ("edit_org_users", "Edit Users", "Ability to add, edit and remove users and their permissions", Both, "ORGUSERS"),
        ("view_org_subscription_plan", "View Subscription Plan", "Ability to see the organization's subscription plan", Both, "ORGSUB"),
        ("edit_org_subscription_plan", "Edit Subscription Plan", "Ability to change the organization's subscription plan", Both, "ORGSUB"),
        ("view_payment_info", "View Payment Info", "Ability to see the organization's payment information", Both, "PAYMENT"),
        ("edit_payment_info", "Edit Payment Info", "Ability to change the organization's payment information", Both, "PAYMENT"),
        ("view_billing_statement", "View Billing Statements", "Ability to see the organization's billing statements", Both, "PAYMENT"),
        ("view_notifications_settings", "View Notification Settings", "Ability to see notification settings", Both, "NOTIFICATIONS"),
        ("edit_email_notifications_preferences", "Edit Email Notifications", "Ability to change email notification preferences", Both, "NOTIFICATIONS"),
        ("cancel_order", "Cancel Orders", "Ability to cancel orders", Both, "ORDERS"),
        ("view_order", "View Orders", "Ability to see orders", Both, "ORDERS"),
        ("export_order", "Export Orders", "Ability to export orders", Both, "ORDERS"),
        ("view_items", "View Items", "Ability to see items", Both, "ITEMS"),
        ("create_order", "Create Orders", "Ability to place orders", Retailer, "ORDERS"),
        ("view_inventory_lists", "View Inventory Lists", "Ability to see inventory lists", Retailer, "INVENTORY"),
        ("edit_inventory_lists", "Edit Inventory Lists", "Ability to change inventory lists", Retailer, "INVENTORY"),
        ("edit_items", "Edit Items", "Ability to change items", Supplier, "ITEMS"),
        ("add_order_tracking", "Add Order Tracking", "Ability to add tracking information to orders", Supplier, "ORDERS"),
        ("allocate_order", "Allocate Orders", "Ability to allocate orders", Supplier, "ORDERS"),
        ("view_supplier_catalogs", "View Supplier Catalogs", "Ability to see supplier catalogs", Supplier, "CATALOGS"),
        ("edit_supplier_catalogs", "Edit Supplier Catalogs", "Ability to change supplier catalogs", Supplier, "CATALOGS"),
    ];
}
