namespace Crux.Connect.Testing.Internal;

/// <summary>Makes uuids and tokens from one <see cref="Random"/>, so a seed reproduces a whole simulator.
/// Not thread-safe: callers hold the state lock.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "A simulator's uuids and tokens guard nothing real, and a seed must reproduce them, which a cryptographic generator cannot.")]
internal sealed class IdGenerator(int? seed)
{
    private readonly Random _random = seed is { } s ? new Random(s) : new Random();

    public Guid NewUuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        // Version 4, RFC 4122 variant, like Django's uuid4 defaults (byte layout per Guid's little-endian fields).
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>A 40-character lowercase hex token, the shape of a DRF authtoken key.</summary>
    public string NewToken()
    {
        var bytes = new byte[20];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
