namespace Crux.Connect.Testing;

/// <summary>An organization held by a <see cref="CruxSimulator"/>.</summary>
public sealed class SimulatedOrganization
{
    internal SimulatedOrganization(Guid uuid, string name, SimulatedOrganizationType type)
    {
        Uuid = uuid;
        Name = name;
        Type = type;
    }

    /// <summary>Gets the organization's uuid (the login answer's <c>org_uuid</c>).</summary>
    public Guid Uuid { get; }

    /// <summary>Gets the organization's display name.</summary>
    public string Name { get; }

    /// <summary>Gets whether the organization is a retailer or a supplier.</summary>
    public SimulatedOrganizationType Type { get; }

    /// <summary>Gets the wire form of <see cref="Type"/>: <c>"RETAILER"</c> or <c>"SUPPLIER"</c>.</summary>
    public string WireType => Type == SimulatedOrganizationType.Retailer ? SimulatedPermission.RetailerVisibility : SimulatedPermission.SupplierVisibility;

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({WireType}, {Uuid:D})";
}
