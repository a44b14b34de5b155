namespace Crux.Connect.Testing;

/// <summary>The kind of a simulated organization, as the API's <c>org_type</c> reports it.</summary>
public enum SimulatedOrganizationType
{
    /// <summary>A retailer (<c>"RETAILER"</c> on the wire).</summary>
    Retailer,

    /// <summary>A supplier (<c>"SUPPLIER"</c> on the wire).</summary>
    Supplier,
}
