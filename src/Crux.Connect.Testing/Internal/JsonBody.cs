using System.Net;
using System.Text.Json;

namespace Crux.Connect.Testing.Internal;

/// <summary>Reads a request body the way DRF's JSONParser and a serializer would, answering DRF's errors.</summary>
internal static class JsonBody
{
    /// <summary>Parses the body into a JSON object, or answers 415/400. An empty body parses as an empty object,
    /// because DRF treats a body-less request as empty data (then "This field is required.").</summary>
    public static SimResponse? TryReadObject(SimRequest request, out JsonElement root)
    {
        root = default;
        if (request.Body.Length == 0)
        {
            root = JsonDocument.Parse("{}").RootElement;
            return null;
        }

        var contentType = request.Header("Content-Type") ?? string.Empty;
        var mediaType = contentType.Split(';', 2)[0].Trim();
        if (!string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return WireJson.Detail(HttpStatusCode.UnsupportedMediaType, DrfMessages.UnsupportedMediaType(contentType));
        }

        try
        {
            using var document = JsonDocument.Parse(request.Body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return WireJson.Detail(HttpStatusCode.BadRequest, $"JSON parse error - {e.Message}");
        }

        return root.ValueKind == JsonValueKind.Object
            ? null
            : WireJson.FieldError(DrfMessages.NonFieldErrors, DrfMessages.NotADictionary(WireJson.PythonTypeName(root)));
    }

    /// <summary>Reads <c>{"permission_uuids": [uuid, ...]}</c>: a non-empty list of uuids, duplicates allowed.</summary>
    public static SimResponse? TryReadPermissionUuids(SimRequest request, out List<Guid> uuids)
    {
        const string Field = "permission_uuids";
        uuids = [];
        var error = TryReadObject(request, out var root);
        if (error is not null)
        {
            return error;
        }

        if (!root.TryGetProperty(Field, out var list))
        {
            return WireJson.FieldError(Field, DrfMessages.Required);
        }

        if (list.ValueKind == JsonValueKind.Null)
        {
            return WireJson.FieldError(Field, DrfMessages.NotNull);
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            return WireJson.FieldError(Field, DrfMessages.NotAList(WireJson.PythonTypeName(list)));
        }

        if (list.GetArrayLength() == 0)
        {
            return WireJson.FieldError(Field, DrfMessages.EmptyList);
        }

        var badIndexes = new List<int>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && Guid.TryParse(item.GetString(), out var uuid))
            {
                uuids.Add(uuid);
            }
            else
            {
                badIndexes.Add(index);
            }

            index++;
        }

        // DRF reports child errors of a ListField as an object keyed by the item's index.
        return badIndexes.Count == 0 ? null : WireJson.Write(HttpStatusCode.BadRequest, w =>
        {
            w.WriteStartObject();
            w.WriteStartObject(Field);
            foreach (var i in badIndexes)
            {
                w.WriteStartArray(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                w.WriteStringValue(DrfMessages.InvalidUuid);
                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        });
    }
}
