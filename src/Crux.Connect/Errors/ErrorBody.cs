using System.Globalization;
using System.Text.Json;

namespace Crux.Connect.Internal;

/// <summary>
/// Reads the error shapes of a Django REST Framework service: <c>{"detail": "…"}</c>,
/// <c>{"field": ["message", …]}</c>, <c>{"non_field_errors": […]}</c>, nested objects and lists
/// (flattened to keys such as <c>permission_uuids.0</c>), and a bare list of messages. Anything else
/// (HTML, text, malformed JSON) yields nothing and never throws: the raw body is kept by the caller.
/// </summary>
internal sealed class ErrorBody
{
    private const int MaxDepth = 16;
    private const string NonFieldErrors = "non_field_errors";

    private ErrorBody(string? detail, Dictionary<string, IReadOnlyList<string>> fieldErrors)
    {
        Detail = detail;
        FieldErrors = fieldErrors;
    }

    public string? Detail { get; }

    public Dictionary<string, IReadOnlyList<string>> FieldErrors { get; }

    public static ErrorBody? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string trimmed = text!.TrimStart();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth * 2 });
            var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            string? detail = null;
            JsonElement root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in root.EnumerateObject())
                {
                    if (property.Name == "detail" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        detail = property.Value.GetString();
                    }
                    else
                    {
                        Collect(property.Value, property.Name, fields, 1);
                    }
                }
            }
            else if (root.ValueKind == JsonValueKind.Array)
            {
                Collect(root, NonFieldErrors, fields, 1);
            }

            var result = new Dictionary<string, IReadOnlyList<string>>(fields.Count, StringComparer.Ordinal);
            foreach (KeyValuePair<string, List<string>> pair in fields)
            {
                result[pair.Key] = pair.Value.ToArray();
            }

            return new ErrorBody(detail, result);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Collect(JsonElement value, string key, Dictionary<string, List<string>> fields, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                int index = 0;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        Collect(item, key + "." + index.ToString(CultureInfo.InvariantCulture), fields, depth + 1);
                    }
                    else
                    {
                        Collect(item, key, fields, depth + 1);
                    }

                    index++;
                }

                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in value.EnumerateObject())
                {
                    Collect(property.Value, key + "." + property.Name, fields, depth + 1);
                }

                break;
            case JsonValueKind.String:
                Add(fields, key, value.GetString() ?? string.Empty);
                break;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                break;
            default:
                Add(fields, key, value.GetRawText());
                break;
        }
    }

    private static void Add(Dictionary<string, List<string>> fields, string key, string message)
    {
        if (!fields.TryGetValue(key, out List<string>? messages))
        {
            messages = new List<string>(1);
            fields[key] = messages;
        }

        messages.Add(message);
    }
}
