using System.Text;

namespace Crux.Connect.IntegrationTests.Faults;

/// <summary>The exact bytes the API documents for add and remove, written out by hand (not by the SDK's writer).</summary>
internal static class WireBody
{
    /// <summary>Duplicates removed, order kept, lowercase hyphenated uuids, no whitespace.</summary>
    public static byte[] For(IEnumerable<Guid> uuids) =>
        Encoding.UTF8.GetBytes("{\"permission_uuids\":[" + string.Join(",", uuids.Distinct().Select(u => "\"" + u.ToString("D") + "\"")) + "]}");
}
