namespace Crux.Connect.Benchmarks.Infrastructure;

/// <summary>The one request every contender must send, byte for byte (see <see cref="WireCheck"/>).</summary>
internal static class Wire
{
    /// <summary>The sandbox host; nothing is sent there, the in-memory handlers answer first.</summary>
    public const string BaseAddress = "https://api-sandbox.cruxconnect.com/";

    /// <summary>The documented example token (public documentation, not a secret).</summary>
    public const string Token = "a0f17278bed479ee719ea890b8caf0329e1f3e5b";

    public const string Authorization = "Token " + Token;

    public const string PermissionsPath = "organizations/users/permissions/";

    public const string Accept = "application/json";

    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>
    /// Sent by every non-SDK contender so that their requests are identical; the SDK sends its own
    /// (DESIGN.md: a User-Agent naming the SDK and its version), the only value allowed to differ.
    /// </summary>
    public const string UserAgent = "Crux.Connect/1.0.0";

    /// <summary>The user of the documented curl example.</summary>
    public static readonly Guid UserUuid = new("5de38a8e-800e-4cba-84c5-ee6c27f304d8");

    /// <summary>Deterministic version-4 uuids, so every run and every contender sends the same body.</summary>
    public static Guid[] PermissionUuids(int count, int seed = 6)
    {
        var random = new Random(seed);
        var uuids = new Guid[count];
        Span<byte> bytes = stackalloc byte[16];
        for (int i = 0; i < count; i++)
        {
            random.NextBytes(bytes);
            bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            uuids[i] = new Guid(bytes);
        }

        return uuids;
    }
}
