using System.Text.Json;

namespace Crux.Connect.Testing.Tests.Support;

public static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static async Task<string?> DetailAsync(HttpResponseMessage response) =>
        (await ReadAsync(response)).GetProperty("detail").GetString();

    /// <summary>The names a Get User Permissions / Add answer marks as assigned.</summary>
    public static string[] AssignedNames(JsonElement answer) =>
        [.. answer.GetProperty("permissions").EnumerateArray()
            .Where(e => e.GetProperty("assigned").GetBoolean())
            .Select(e => e.GetProperty("permission").GetProperty("name").GetString()!)];
}
