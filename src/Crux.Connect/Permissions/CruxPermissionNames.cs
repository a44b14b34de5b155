namespace Crux.Connect;

/// <summary>
/// The permission names the Crux Connect documentation lists. Names are the same in every environment; uuids are not,
/// so pass these to the overloads that take names (such as
/// <see cref="OrganizationUsersClient.RemovePermissionsAsync(Guid, IEnumerable{string}, CancellationToken)"/>), which
/// resolve them through <see cref="OrganizationUsersClient.GetAllPermissionsAsync"/>.
/// </summary>
public static class CruxPermissionNames
{
    /// <summary>See the users of the organization (every organization type).</summary>
    public const string ViewOrgUsers = "view_org_users";

    /// <summary>Add and remove the permissions of the organization's users (every organization type).</summary>
    public const string EditOrgUsers = "edit_org_users";

    /// <summary>See the organization's subscription plan (every organization type).</summary>
    public const string ViewOrgSubscriptionPlan = "view_org_subscription_plan";

    /// <summary>Change the organization's subscription plan (every organization type).</summary>
    public const string EditOrgSubscriptionPlan = "edit_org_subscription_plan";

    /// <summary>See payment information (every organization type).</summary>
    public const string ViewPaymentInfo = "view_payment_info";

    /// <summary>Change payment information (every organization type).</summary>
    public const string EditPaymentInfo = "edit_payment_info";

    /// <summary>See billing statements (every organization type).</summary>
    public const string ViewBillingStatement = "view_billing_statement";

    /// <summary>See notification settings (every organization type).</summary>
    public const string ViewNotificationsSettings = "view_notifications_settings";

    /// <summary>Change e-mail notification preferences (every organization type).</summary>
    public const string EditEmailNotificationsPreferences = "edit_email_notifications_preferences";

    /// <summary>Cancel orders (every organization type).</summary>
    public const string CancelOrder = "cancel_order";

    /// <summary>See orders (every organization type).</summary>
    public const string ViewOrder = "view_order";

    /// <summary>Export orders (every organization type).</summary>
    public const string ExportOrder = "export_order";

    /// <summary>See items (every organization type).</summary>
    public const string ViewItems = "view_items";

    /// <summary>Create orders (retailers only).</summary>
    public const string CreateOrder = "create_order";

    /// <summary>See inventory lists (retailers only).</summary>
    public const string ViewInventoryLists = "view_inventory_lists";

    /// <summary>Change inventory lists (retailers only).</summary>
    public const string EditInventoryLists = "edit_inventory_lists";

    /// <summary>Change items (suppliers only).</summary>
    public const string EditItems = "edit_items";

    /// <summary>Add tracking to orders (suppliers only).</summary>
    public const string AddOrderTracking = "add_order_tracking";

    /// <summary>Allocate orders (suppliers only).</summary>
    public const string AllocateOrder = "allocate_order";

    /// <summary>See supplier catalogs (suppliers only).</summary>
    public const string ViewSupplierCatalogs = "view_supplier_catalogs";

    /// <summary>Change supplier catalogs (suppliers only).</summary>
    public const string EditSupplierCatalogs = "edit_supplier_catalogs";

    /// <summary>Gets every documented name, those for every organization first, then retailers', then suppliers'.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        ViewOrgUsers, EditOrgUsers, ViewOrgSubscriptionPlan, EditOrgSubscriptionPlan, ViewPaymentInfo, EditPaymentInfo,
        ViewBillingStatement, ViewNotificationsSettings, EditEmailNotificationsPreferences, CancelOrder, ViewOrder,
        ExportOrder, ViewItems, CreateOrder, ViewInventoryLists, EditInventoryLists, EditItems, AddOrderTracking,
        AllocateOrder, ViewSupplierCatalogs, EditSupplierCatalogs,
    };
}
