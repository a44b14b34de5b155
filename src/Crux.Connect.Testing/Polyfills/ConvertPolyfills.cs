using System.Globalization;

namespace Crux.Connect.Testing;

/// <summary>
/// .NET 9's <c>Convert.ToHexStringLower</c>, for net8.0 and netstandard2.0 (compiled only for those, see the csproj):
/// the same lowercase hex, so a seed gives the same tokens on every target.
/// </summary>
internal static class ConvertPolyfills
{
    extension(Convert)
    {
        public static string ToHexStringLower(byte[] bytes) =>
            string.Concat(bytes.Select(static b => b.ToString("x2", CultureInfo.InvariantCulture)));
    }
}
