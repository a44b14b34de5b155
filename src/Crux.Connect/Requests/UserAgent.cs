using System.Runtime.InteropServices;

namespace Crux.Connect.Internal;

/// <summary>The User-Agent every request carries, e.g. <c>Crux.Connect/1.0.0 (.NET 10.0.1; Linux)</c>, computed once.</summary>
internal static class UserAgent
{
    public static string Value { get; } = Create();

    private static string Create()
    {
        string version = Diagnostics.CruxTelemetry.Version;
        string framework = RuntimeInformation.FrameworkDescription.Trim();
        return $"Crux.Connect/{version} ({Sanitize(framework)}; {Sanitize(OperatingSystemName())})";
    }

    private static string OperatingSystemName()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return "Windows";
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return "Linux";
        }

        return RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "macOS" : "Other";
    }

    // Parentheses and non-ASCII would break the product/comment grammar of User-Agent.
    private static string Sanitize(string value)
    {
        var chars = value.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] is < ' ' or > '~' or '(' or ')')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
