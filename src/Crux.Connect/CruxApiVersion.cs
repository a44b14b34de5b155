namespace Crux.Connect;

/// <summary>The path style of the Crux Connect API a client talks to.</summary>
public enum CruxApiVersion
{
    /// <summary>The original paths, such as <c>/organizations/users/permissions/{user_uuid}/</c>. The default.</summary>
    V1 = 0,

    /// <summary>The "Timpanogos" release: the same operations under a <c>/timp</c> prefix, such as <c>/timp/organizations/...</c>.</summary>
    Timpanogos = 1,
}
