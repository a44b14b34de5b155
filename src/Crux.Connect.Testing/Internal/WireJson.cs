using System.Buffers;
using System.Net;
using System.Text.Json;

namespace Crux.Connect.Testing.Internal;

/// <summary>Writes the service's JSON answers with <see cref="Utf8JsonWriter"/>: no reflection, so no trimming surprises.</summary>
internal static class WireJson
{
    public static SimResponse Write(HttpStatusCode status, Action<Utf8JsonWriter> write)
    {
        // A MemoryStream rather than ArrayBufferWriter, which netstandard2.0 lacks: one code path on every target.
        using var buffer = new MemoryStream(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return new SimResponse(status, buffer.ToArray());
    }

    public static SimResponse Detail(HttpStatusCode status, string detail) =>
        Write(status, w =>
        {
            w.WriteStartObject();
            w.WriteString("detail", detail);
            w.WriteEndObject();
        });

    public static SimResponse FieldError(string field, string message) =>
        Write(HttpStatusCode.BadRequest, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray(field);
            w.WriteStringValue(message);
            w.WriteEndArray();
            w.WriteEndObject();
        });

    public static SimResponse FieldErrors(IReadOnlyList<(string Field, string Message)> errors) =>
        Write(HttpStatusCode.BadRequest, w =>
        {
            w.WriteStartObject();
            foreach (var group in errors.GroupBy(e => e.Field))
            {
                w.WriteStartArray(group.Key);
                foreach (var (_, message) in group)
                {
                    w.WriteStringValue(message);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        });

    public static void WritePermission(Utf8JsonWriter w, SimulatedPermission p)
    {
        w.WriteStartObject();
        w.WriteString("uuid", p.Uuid.ToString("D"));
        w.WriteString("name", p.Name);
        w.WriteString("display_name", p.DisplayName);
        w.WriteString("description", p.Description);
        w.WriteString("visibility", p.Visibility);
        w.WriteString("grouping", p.Grouping);
        w.WriteEndObject();
    }

    /// <summary>DRF's Python type names, used in its "Expected a list of items but got type ..." messages.</summary>
    public static string PythonTypeName(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "str",
        JsonValueKind.Number => element.TryGetInt64(out _) ? "int" : "float",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Object => "dict",
        JsonValueKind.Array => "list",
        _ => "NoneType",
    };
}
