namespace Crux.Connect;

/// <summary>The base addresses of the public Crux Connect environments.</summary>
public static class CruxEnvironments
{
    /// <summary>The sandbox, for trying things safely: <c>https://api-sandbox.cruxconnect.com/</c>.</summary>
    public static Uri Sandbox { get; } = new("https://api-sandbox.cruxconnect.com/", UriKind.Absolute);

    /// <summary>Production: <c>https://api.cruxconnect.com/</c>.</summary>
    public static Uri Production { get; } = new("https://api.cruxconnect.com/", UriKind.Absolute);
}
